import { walkedPart } from '../annotations/shape';
import { onlyTriviaChanged } from './comment-edit';
import type { Derived } from './derived';
import type { Documents } from './documents';
import { importsOf } from './imports';
import type { DependencyView, FileNote } from './invalidation';

/** What invalidation asks of the workspace after an edit, answered from the current programs. */
export function dependencyView(derived: Derived, documents: Documents): DependencyView {
  return {
    version: (file) => documents.version(file),
    note: (file) => noteOf(derived, file),
    onlyTriviaChanged: (file, before) => {
      const source = derived.sourceOf(file);
      return source !== undefined && onlyTriviaChanged(before, source.sourceFile);
    },
  };
}

/** A file's imports, text and annotation shape now: what an edit is compared with. */
export function noteOf(derived: Derived, file: string): FileNote {
  const source = derived.sourceOf(file);
  return {
    imports: source ? importsOf(source.sourceFile, source.program) : { kind: 'files', files: [] },
    text: source?.sourceFile.text ?? '',
    walked: walkedPart(derived.annotationsOf(file)),
  };
}

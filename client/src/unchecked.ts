import { listUncheckedCommand, type UncheckedPlace } from 'appi-guard-server/lsp/status';
import { type QuickPickItem, Range, Uri, window, workspace } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

const icons: Readonly<Record<UncheckedPlace['kind'], string>> = {
  'untyped-read': '$(question)',
  'unreached-use': '$(debug-disconnect)',
  'missing-package': '$(package)',
  'missing-extends': '$(gear)',
  'project-not-loaded': '$(error)',
  'missing-prisma-client': '$(database)',
  'incomplete-analysis': '$(warning)',
};

interface PlaceItem extends QuickPickItem {
  readonly place: UncheckedPlace;
}

/**
 * *APPI Guard: Show What Was Not Checked*: the places the server's last run could not check, in a quick
 * pick; the one picked opens at its place.
 */
export async function showUnchecked(client: LanguageClient): Promise<void> {
  const places: UncheckedPlace[] = (await client.sendRequest(ExecuteCommandRequest.type, { command: listUncheckedCommand })) ?? [];
  if (places.length === 0) {
    void window.showInformationMessage('APPI Guard: everything was checked.');
    return;
  }
  const items: PlaceItem[] = places.map((place) => ({
    label: `${icons[place.kind]} ${place.label}`,
    description: `${workspace.asRelativePath(Uri.parse(place.uri))}${place.range ? `:${place.range.start.line + 1}` : ''}`,
    detail: place.message,
    place,
  }));
  const picked = await window.showQuickPick(items, {
    title: `APPI Guard: ${places.length} ${places.length === 1 ? 'place' : 'places'} not checked`,
    placeHolder: 'Pick a place to open it',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  const { uri, range } = picked.place;
  const selection = range && new Range(range.start.line, range.start.character, range.end.line, range.end.character);
  await window.showTextDocument(Uri.parse(uri), selection ? { selection } : {});
}

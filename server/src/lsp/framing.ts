import { type DataCallback, type Disposable, StreamMessageReader } from 'vscode-languageserver/node';

/**
 * The client's messages on standard input, read so that a stream the server cannot frame ends it rather
 * than leaving it deaf: a client restarts a server that exits, but waits for ever on one that does not
 * answer. Framing is lost when a header has no readable `Content-Length`, or when input arrives and no
 * message completes for `stuckMilliseconds` (a header whose lines end in a line feed alone is never
 * complete; a `Content-Length` longer than its message waits for bytes that do not come). A well-framed
 * message that is not JSON is only that message lost: the stream goes on.
 */
export class FramedReader extends StreamMessageReader {
  /** When input arrived that no complete message has accounted for yet. */
  private waitingSince: number | undefined;

  constructor(stream: NodeJS.ReadableStream, lost: (reason: string) => void, stuckMilliseconds: number) {
    super(stream);
    stream.on('data', () => {
      this.waitingSince ??= Date.now();
    });
    this.onError((error) => {
      if (/content-length/i.test(error.message)) lost(error.message.split('\n')[0]!);
      else this.accounted();
    });
    const check = setInterval(
      () => {
        if (this.waitingSince !== undefined && Date.now() - this.waitingSince > stuckMilliseconds)
          lost(
            `no complete message in ${stuckMilliseconds} ms of input: a header not ended by an empty CRLF line, or a Content-Length longer than its message`,
          );
      },
      Math.min(1000, stuckMilliseconds),
    );
    check.unref();
  }

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      this.accounted();
      callback(message);
    });
  }

  /**
   * A message was read (or lost whole): input is accounted for unless bytes of another are left over, which
   * must then complete in time too (a message that lied about its length leaves the next one's tail).
   */
  private accounted(): void {
    this.waitingSince = this.unread() > 0 ? Date.now() : undefined;
  }

  /** Bytes received and not yet read as a message: the reader's buffer, which its typings keep private. */
  private unread(): number {
    const buffer = (this as unknown as { buffer?: { _totalLength?: unknown } }).buffer;
    return typeof buffer?._totalLength === 'number' ? buffer._totalLength : 0;
  }
}

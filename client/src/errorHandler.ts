import { CloseAction, ErrorAction, type ErrorHandler, type ErrorHandlerResult, type CloseHandlerResult } from 'vscode-languageclient/node';

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts the language server whenever its connection closes, up to MAX_RESTARTS times in three minutes.
 * The library's default handler shuts the client down on the first write error that has no message count,
 * which is what a request in flight gets when the server dies: Podlab would then stay down until a reload.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  error(): ErrorHandlerResult {
    // Whether to restart is decided once, when the connection closes.
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.restarts.push(now);
    while (this.restarts.length > 0 && now - this.restarts[0] > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length <= MAX_RESTARTS) return { action: CloseAction.Restart, handled: true };
    return {
      action: CloseAction.DoNotRestart,
      message: `The Podlab language server stopped ${this.restarts.length} times in three minutes and will not be restarted. See the Podlab output channel, then run "Developer: Reload Window".`,
    };
  }
}

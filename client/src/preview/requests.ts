// The server requests the panel makes, typed by the protocol module.
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ParamsOf, PodlabRequest } from '../../../server/src/protocol';

/** Sends one of Podlab's requests with params of its type; the answer is unknown until a reader has checked it. */
export function sendPodlabRequest<M extends PodlabRequest>(client: LanguageClient, method: M, params: ParamsOf<M>): Promise<unknown> {
  return client.sendRequest(method, params);
}

/** The text to show for a failed request. */
export function requestErrorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

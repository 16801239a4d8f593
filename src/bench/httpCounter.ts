import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/** One HTTP request the process sent, as a short readable line (method and resource, no query). */
export interface SentRequest {
  port: number;
  line: string;
}

/**
 * Counts the HTTP requests this process sends, at the HTTP level: Node publishes every request
 * the `http` client starts on the `http.client.request.start` channel, and the Azure SDKs send
 * through that client. Each storage round trip (a retry too) is seen once, as a counting proxy in
 * front of Azurite would see it, but without adding a hop to every timed turn.
 */
export class HttpCounter {
  private sent: SentRequest[] = [];
  private readonly listener = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    const host = String(request.getHeader('host') ?? '');
    const port = Number(host.split(':')[1] ?? 80);
    const path = request.path.split('?')[0];
    this.sent.push({ port, line: `${request.method} ${shorten(path)}` });
  };

  start(): this {
    subscribe('http.client.request.start', this.listener);
    return this;
  }

  stop(): void {
    unsubscribe('http.client.request.start', this.listener);
  }

  /** What was sent since the last call, and forget it. */
  take(): SentRequest[] {
    const taken = this.sent;
    this.sent = [];
    return taken;
  }
}

/** Drops the account name and keys' values so lines of the same kind read the same. */
export function shorten(path: string): string {
  // Blob names that are encoded keys arrive encoded twice.
  return decodeURIComponent(decodeURIComponent(path))
    .replace(/^\/devstoreaccount1/, '')
    // Turn-state blobs are named after the Bot Framework key: keep only its scope.
    .replace(/\/[^/]+\/[^/]+\/(conversations|users)\/.*$/, '/$1/…')
    .replace(/\(PartitionKey='[^']*',\s*RowKey='[^']*'\)/, '(pk,rk)')
    .replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/{id}');
}

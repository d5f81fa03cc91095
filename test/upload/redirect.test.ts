import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { upload } from '../../server/src/upload';
import { fixedCredentials, loadFixture } from '../opentrack-server/testkit';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A loopback server that records every request it receives. */
async function recordingServer(handler: Handler): Promise<{ url: string; seen: IncomingMessage[]; server: Server }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    seen.push(request);
    request.resume().once('end', () => handler(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const json = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
};

// Redirects are never followed: fetch would resend the bearer token to wherever Location points.
describe('a redirect during upload', () => {
  let elsewhere: Awaited<ReturnType<typeof recordingServer>>;
  let openTrack: Awaited<ReturnType<typeof recordingServer>>;
  before(async () => {
    elsewhere = await recordingServer((_request, response) => json(response, 201, { id: 'stolen' }));
    openTrack = await recordingServer((request, response) => {
      if (request.url === '/api/v1/auth/token') json(response, 200, { access_token: 'token-123', token_type: 'bearer' });
      else response.writeHead(307, { Location: `${elsewhere.url}${request.url}` }).end();
    });
  });
  after(() => {
    elsewhere.server.close();
    openTrack.server.close();
  });

  test('is reported with its status and not followed', async () => {
    const result = await upload({
      documentText: loadFixture().text,
      api: 'v1',
      server: openTrack.url,
      credentials: fixedCredentials('user', 'secret'),
      timeoutMs: 5000,
    });
    assert.ok(!result.ok, 'the upload must fail');
    assert.equal(result.status, 307);
    assert.match(result.message, /redirected the request .*\(HTTP 307\); check the server URL/);
    // The lookup of an existing competition is redirected too; it never blocks the upload, whose POST then fails.
    assert.deepEqual(openTrack.seen.map((request) => request.url), ['/api/v1/auth/token', '/api/v1/competitions/?country=GBR&from_date=2020-08-10', '/api/v1/competitions/']);
    assert.deepEqual(elsewhere.seen, [], 'the redirect target was never contacted');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Server, serve } from '../../scripts/serve';

let server: Server;
const dir = mkdtempSync(join(tmpdir(), 'serve-test-'));

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), '<h1>hello</h1>');
  server = await serve({ mounts: { '/site/': dir }, pages: { '/mem': '<p>from memory</p>' } });
});
afterAll(() => server.close());

it('serves a mounted folder, its index, and pages from memory on loopback', async () => {
  expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(await (await fetch(`${server.origin}/site/`)).text()).toBe('<h1>hello</h1>');
  expect(await (await fetch(`${server.origin}/mem`)).text()).toBe('<p>from memory</p>');
  server.setPage('/later', 'later');
  expect(await (await fetch(`${server.origin}/later`)).text()).toBe('later');
});

it('refuses paths that climb out of the mounted folder', async () => {
  const res = await fetch(`${server.origin}/site/..%2F..%2Fetc%2Fpasswd`);
  expect(res.status).toBe(404);
});

import { describe, expect, it } from 'vitest';
import { isPrivateAddress, webhookUrlProblem } from './webhook-input.js';

describe('webhook URLs', () => {
  it.each([
    ['127.0.0.1', true], ['10.20.30.40', true], ['172.16.0.1', true], ['172.32.0.1', false], ['192.168.1.1', true], ['169.254.169.254', true],
    ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['255.255.255.255', true], ['8.8.8.8', false], ['93.184.216.34', false],
    ['::1', true], ['[::1]', true], ['::', true], ['fd00::1', true], ['fe80::1', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true],
    ['::ffff:8.8.8.8', false], ['64:ff9b::a00:1', true], ['64:ff9b::808:808', false], ['2001:db8::1', true], ['2a00:1450:4001::200e', false],
    ['example.com', false],
  ])('%s is private: %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });

  it.each([
    ['https://hooks.example.com/pulse?token=abc', false, null],
    ['http://hooks.example.com:8080/x', false, null],
    ['ftp://example.com/', false, 'only http and https URLs can receive webhooks'],
    ['https://user:pw@example.com/', false, expect.stringContaining('user name or password')],
    ['https://example.com/#frag', false, expect.stringContaining('fragment')],
    ['not a url', false, 'not a URL'],
    ['http://localhost:3000/', false, expect.stringContaining('private or local address')],
    ['http://api.localhost/', false, expect.stringContaining('private or local address')],
    ['http://printer.local/', false, expect.stringContaining('private or local address')],
    ['http://intranet/', false, expect.stringContaining('private or local address')],
    ['http://2130706433/', false, expect.stringContaining('private or local address')],
    ['http://[::ffff:10.0.0.1]/', false, expect.stringContaining('private or local address')],
    ['http://127.0.0.1:4000/', true, null],
    ['http://localhost/', true, null],
  ])('%s (private allowed: %s): %s', (url, allowPrivate, problem) => {
    expect(webhookUrlProblem(url, allowPrivate)).toEqual(problem);
  });
});

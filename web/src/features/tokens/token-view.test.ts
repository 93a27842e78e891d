import { describe, expect, it } from 'vitest';
import type { ApiToken } from '../../api/types.js';
import { curlExample, impliedScopes, sortTokens, toggleScope } from './token-view.js';

const token = (id: number, revokedAt: string | null = null): ApiToken => ({
  id, workspaceId: 1, name: `t${id}`, prefix: 'pulse_ab', scopes: ['read'], createdBy: 'admin@x', createdAt: '2026-01-01T00:00:00.000Z', lastUsedAt: null, revokedAt,
});

describe('token view', () => {
  it('shows the newest first and revoked ones last', () => {
    expect(sortTokens([token(1), token(2, '2026-02-01T00:00:00.000Z'), token(3), token(4, '2026-02-01T00:00:00.000Z')]).map((t) => t.id)).toEqual([3, 1, 4, 2]);
  });

  it.each([
    [['admin'], ['read', 'write', 'ingest']],
    [['write'], ['read']],
    [['write', 'ingest'], ['read']],
    [['read', 'ingest'], []],
  ] as const)('%j includes %j', (chosen, implied) => {
    expect(impliedScopes(chosen)).toEqual(implied);
  });

  it('toggles a scope in the server order', () => {
    expect(toggleScope(['ingest'], 'read', true)).toEqual(['read', 'ingest']);
    expect(toggleScope(['read', 'ingest'], 'read', false)).toEqual(['ingest']);
  });

  it('reads customers with a token that may read', () => {
    expect(curlExample('http://localhost:3000/', 'demo', 'pulse_secret', ['read', 'ingest']))
      .toBe("curl -s 'http://localhost:3000/api/v1/workspaces/demo/customers?limit=5' \\\n  -H 'Authorization: Bearer pulse_secret'");
    expect(curlExample('http://localhost:3000', 'demo', 'pulse_secret', ['admin'])).toContain('/customers?limit=5');
  });

  it('sends events with an ingest-only token', () => {
    expect(curlExample('https://pulse.example.com', 'demo', 'pulse_secret', ['ingest']))
      .toBe("curl -s -X POST 'https://pulse.example.com/api/v1/events' \\\n  -H 'Authorization: Bearer pulse_secret' \\\n  -H 'Content-Type: application/x-ndjson' --data-binary @events.jsonl");
  });
});

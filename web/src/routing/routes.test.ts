import { describe, expect, it } from 'vitest';
import { customersPath, funnelPath, matchResetToken, matchRoute } from './routes.js';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'dashboard' }],
    ['/customers', { name: 'customers' }],
    ['/customers/', { name: 'customers' }],
    ['/customers/42', { name: 'customer', id: 42 }],
    ['/customers/0', { name: 'not_found' }],
    ['/customers/abc', { name: 'not_found' }],
    ['/funnel', { name: 'funnel' }],
    ['/funnel/', { name: 'funnel' }],
    ['/funnel/3', { name: 'not_found' }],
    ['/settings/routes', { name: 'settings_routes' }],
    ['/settings/routes/', { name: 'settings_routes' }],
    ['/settings/webhooks', { name: 'settings_webhooks' }],
    ['/settings/people', { name: 'settings_people' }],
    ['/settings/tokens/', { name: 'settings_tokens' }],
    ['/settings/policy', { name: 'settings_policy' }],
    ['/settings/audit', { name: 'settings_audit' }],
    ['/settings/audit/1', { name: 'not_found' }],
    ['/settings', { name: 'not_found' }],
    ['/inbox', { name: 'not_found' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });
});

describe('customersPath', () => {
  it.each([
    [{}, '/customers'],
    [{ q: 'anna' }, '/customers?q=anna'],
    [{ q: 'a b', page: 2 }, '/customers?q=a+b&page=2'],
    [{ q: '', page: 1 }, '/customers'],
  ])('%j', (params, path) => {
    expect(customersPath(params)).toBe(path);
  });
});

describe('funnelPath', () => {
  it.each([
    [{}, '/funnel'],
    [{ route: null }, '/funnel'],
    [{ route: 2 }, '/funnel?route=2'],
    [{ route: 2, period: 30 }, '/funnel?route=2&period=30'],
    [{ from: '2026-01-01', to: '2026-03-31' }, '/funnel?from=2026-01-01&to=2026-03-31'],
  ])('%j', (params, path) => {
    expect(funnelPath(params)).toBe(path);
  });
});

describe('matchResetToken', () => {
  it.each([
    ['/reset/qo1yDYbx21jD2HXaX5Y3dT0goz0KToAzdlmEbDf2JN8', 'qo1yDYbx21jD2HXaX5Y3dT0goz0KToAzdlmEbDf2JN8'],
    ['/reset/qo1yDYbx21jD2HXaX5Y3dT0goz0KToAzdlmEbDf2JN8/', 'qo1yDYbx21jD2HXaX5Y3dT0goz0KToAzdlmEbDf2JN8'],
    ['/reset/short', null],
    ['/reset/', null],
    ['/reset/a%20b%3Cscript%3Eaaaaaaaaaaaaaaa', null],
    ['/customers/1', null],
  ])('%s', (path, token) => {
    expect(matchResetToken(path)).toBe(token);
  });
});

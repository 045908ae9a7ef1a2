import { isNonRootUser, summariseDockerfile } from './dockerfile';

describe('summariseDockerfile', () => {
  it('counts stages and reads the final stage user and the ARGs', () => {
    const text = ['ARG NODE_VERSION=20', 'FROM node AS build', 'USER node', '# USER ignored', 'FROM node', 'ARG APP', 'RUN echo \\', '  USER not-an-instruction', 'user node:node'].join('\n');
    expect(summariseDockerfile(text)).toEqual({ stages: 2, runtimeUser: 'node:node', args: ['NODE_VERSION', 'APP'] });
  });

  it('forgets a USER of an earlier stage', () => {
    expect(summariseDockerfile('FROM a AS build\nUSER node\nFROM b\nCMD ["x"]').runtimeUser).toBeUndefined();
  });
});

describe('isNonRootUser', () => {
  it.each([['node', true], ['1000:1000', true], ['root', false], ['0:0', false], [undefined, false]])('%s → %s', (user, expected) => {
    expect(isNonRootUser(user)).toBe(expected);
  });
});

import { isNonRootUser, summariseDockerfile } from './dockerfile';

describe('summariseDockerfile', () => {
  it('counts stages and reads the final stage user and the ARGs', () => {
    const text = ['ARG NODE_VERSION=20', 'FROM node AS build', 'USER node', '# USER ignored', 'FROM node', 'ARG APP', 'RUN echo \\', '  USER not-an-instruction', 'user node:node'].join('\n');
    expect(summariseDockerfile(text)).toEqual({ stages: 2, runtimeUser: 'node:node', args: ['NODE_VERSION', 'APP'], runtimeEnv: {} });
  });

  it('reads the final stage ENV, quoted, continued and legacy forms alike', () => {
    const text = ['FROM a AS build', 'ENV BUILD_ONLY=1', 'FROM b', 'ENV A=1 \\', '    B="two words"', 'ENV C three words', 'ENV A=2'].join('\n');
    expect(summariseDockerfile(text).runtimeEnv).toEqual({ A: '2', B: 'two words', C: 'three words' });
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

/**
 * Configuration: the only reader of process.env. Each app declares a zod object schema of its
 * environment (built from `serviceEnvShape` and `envFields`) and calls `loadConfig` once at start-up,
 * which fails fast with a ConfigError naming each bad variable. `createClock` honours REKINDLE_NOW.
 */
export { loadConfig, ConfigError, type ConfigIssue } from './load-config';
export { envFields, serviceEnvShape } from './env-fields';
export { createClock, type Clock } from './clock';

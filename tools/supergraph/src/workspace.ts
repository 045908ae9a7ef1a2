export { WORKSPACE_ROOT } from '@rekindle/tools-registry';

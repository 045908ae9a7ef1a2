/**
 * The shared kernel: pure helpers every layer may import (cores, contracts, platform, apps, tools).
 * No I/O and no dependency on any other Rekindle library.
 */
export {};

/** Whether a server at a URL is usable, and if not, why not. */
export type ProbeResult = { ok: true } | { ok: false; reason: string };

export type Probe = (url: string) => Promise<ProbeResult>;

export const usable: ProbeResult = { ok: true };
export const unusable = (reason: string): ProbeResult => ({ ok: false, reason });

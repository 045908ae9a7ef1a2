import { formatChildLine } from './format-child-line';

describe('formatChildLine', () => {
  it('turns a pino line into level, message and the fields that matter', () => {
    const line = JSON.stringify({ level: 'info', time: '2026-01-01T00:00:00.000Z', service: 'profile', pid: 7, hostname: 'h', msg: 'listening', url: 'http://x' });
    expect(formatChildLine('profile', line)).toBe('[profile] INFO listening {"url":"http://x"}');
  });

  it('leaves out the braces when nothing else is there', () => {
    expect(formatChildLine('gateway', '{"level":"warn","msg":"slow"}')).toBe('[gateway] WARN slow');
  });

  it('indents the further lines of a message under its first', () => {
    expect(formatChildLine('gateway', '{"level":"info","msg":"loaded\\n\\t* Mode: unmanaged"}')).toBe('[gateway] INFO loaded\n          \t* Mode: unmanaged');
  });

  it('prefixes anything that is not a log entry as it is', () => {
    expect(formatChildLine('profile', 'Error: boom')).toBe('[profile] Error: boom');
    expect(formatChildLine('profile', '[1,2]')).toBe('[profile] [1,2]');
    expect(formatChildLine('profile', '{"no":"message"}')).toBe('[profile] {"no":"message"}');
  });
});

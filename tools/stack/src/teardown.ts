import { describeError } from './describe-error';

interface TeardownStep {
  name: string;
  run: () => Promise<unknown>;
}

/** What the runner must undo before it exits: stopped last-added first, each one once. */
export class Teardown {
  private readonly steps: TeardownStep[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly report: (line: string) => void) {}

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  /** Runs every step; a step that fails is reported and the others still run. */
  run(): Promise<void> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps() {
    for (const step of [...this.steps].reverse()) {
      try {
        await step.run();
      } catch (error) {
        this.report(`Could not stop ${step.name}: ${describeError(error)}`);
      }
    }
  }
}

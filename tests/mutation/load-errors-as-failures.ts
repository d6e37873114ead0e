// A vitest reporter for mutation runs only. StrykerJS 9.6.1's vitest runner scores a mutant as survived when it
// makes a test file fail to load (stryker-js #6150): such a file has no tests, so the runner sees none fail. This
// turns each test file that failed to load into one failed test carrying the load error, so the mutant is killed.
import type { RunnerTask as Task, RunnerTestCase as Test, RunnerTestFile as File } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

const hasTests = (task: Task): boolean => task.type === 'test' || (task.type === 'suite' && task.tasks.some(hasTests));

export default class LoadErrorsAsFailures implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state !== 'fail' || file.tasks.some(hasTests)) continue;
      file.tasks.push(loadFailure(file));
    }
  }
}

function loadFailure(file: File): Test {
  return {
    type: 'test',
    id: `${file.id}_load`,
    name: 'the test file loads',
    fullName: `${file.name} the test file loads`,
    mode: 'run',
    file,
    suite: file,
    context: undefined as never,
    meta: {},
    timeout: 0,
    annotations: [],
    artifacts: [],
    result: { state: 'fail', errors: file.result?.errors ?? [{ message: 'the test file failed to load' }] },
  } as unknown as Test;
}

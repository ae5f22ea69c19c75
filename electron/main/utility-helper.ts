import { utilityProcess } from 'electron';
import type { LaunchHelper } from './repositories/face-detector/helper-process';

/**
 * The face helpers in the desktop app: Electron's utility process, which a packaged app can start (its fuses turn
 * off running Electron as Node, so a plain fork would start a second app). The helper script answers either way.
 */
export const launchUtilityHelper: LaunchHelper = (script, args, env) => {
  const child = utilityProcess.fork(script, args, {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    serviceName: 'Chasing Light faces',
  });
  return {
    get pid() {
      return child.pid;
    },
    stderr: child.stderr,
    // HelperProcess never writes to a helper it has seen end.
    send: (m) => child.postMessage(m),
    kill: () => void child.kill(),
    on: (event: 'message' | 'exit', fn: (...a: never[]) => void) => {
      if (event === 'message') child.on('message', fn as (m: unknown) => void);
      else child.on('exit', (code: number) => (fn as (c: number | null, s: string | null) => void)(code, null));
    },
  };
};

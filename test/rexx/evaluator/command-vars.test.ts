// Commands reach the issuing program's variables (REXX/VM EXECCOMM), as EXECIO and GLOBALV need.
import { it, expect } from 'vitest';
import { run, TestHost } from '../helpers.js';
import type { CommandResult, VariableAccess } from '../../../src/rexx/host.js';

class VarsHost extends TestHost {
  override command(env: string, cmd: string, vars?: VariableAccess): CommandResult {
    const [verb, name, value] = cmd.split(' ');
    if (verb === 'SETVAR') vars!.set(name!, value!);
    if (verb === 'GETVAR') this.say(`${name}=${vars!.get(name!) ?? '(unset)'}`);
    return { rc: 0 };
  }
}

it('a command can read and set the variables of the program that issued it', () => {
  const h = new VarsHost();
  const r = run("x = 'hello'; 'GETVAR x'; 'GETVAR nope'; 'SETVAR stem.3 three'; i = 3; say stem.i", [], h);
  expect(r.out).toBe('x=hello\nnope=(unset)\nthree\n');
});

/**
 * The CP command table: one row per command with its minimum abbreviation, privilege
 * classes, handler and help (STYLE.md §7, Hercules cmdtab.h; classes and abbreviations
 * from CP-REFERENCE.md §1.2 and §1.11). First match in table order wins, so rows whose
 * abbreviations overlap are ordered as CP orders them.
 */
import type { CommandRow } from './context.js';
import { attachCmd } from './attach.js';
import { autologCmd, xautologCmd } from './autolog.js';
import { defineCmd } from './define.js';
import { detachCmd } from './detach.js';
import { forceCmd } from './force.js';
import { indicateCmd } from './indicate.js';
import { beginCmd, iplCmd, systemCmd } from './ipl.js';
import { linkCmd } from './link.js';
import { disconnectCmd, logoffCmd, logonCmd } from './logon.js';
import { msgCmd, msgnohCmd, smsgCmd, warningCmd } from './msg.js';
import { shutdownCmd } from './shutdown.js';
import { sleepCmd } from './sleep.js';
import { changeCmd, orderCmd, purgeCmd, transferCmd } from './spoolfile.js';
import { closeCmd, spoolCmd } from './spool.js';
import { tagCmd } from './tag.js';
import { queryCmdWithTerminal, setCmdWithTerminal, terminalCmd } from './terminal.js';
import { vmrelocateCmd } from './vmrelocate.js';
import { atCmd, directxaCmd, xlinkCmd } from './cse.js';

export const ANY = '*';

export const COMMAND_TABLE: readonly CommandRow[] = [
  { name: 'LOGOFF', min: 3, classes: ANY, handler: logoffCmd, help: 'LOGOFF [HOLD|QUICKLY]' },
  { name: 'LOGOUT', min: 4, classes: ANY, handler: logoffCmd, help: 'LOGOUT: same as LOGOFF' },
  { name: 'LOGON', min: 1, classes: ANY, handler: logonCmd, help: 'LOGON userid: log on (at the logo)' },
  { name: 'LOGIN', min: 4, classes: ANY, handler: logonCmd, help: 'LOGIN: same as LOGON' },
  { name: 'AT', min: 2, classes: 'ABC', handler: atCmd, help: 'AT sysname CMD command: run a CP command on another system of the collection' },
  { name: 'ATTACH', min: 3, classes: 'B', handler: attachCmd, help: 'ATTACH rdev TO userid [AS vdev] [R/O]' },
  { name: 'AUTOLOG', min: 6, classes: 'AB', handler: autologCmd, help: 'AUTOLOG userid password: log a user on disconnected' },
  { name: 'BEGIN', min: 1, classes: 'G', handler: beginCmd, help: 'BEGIN: leave CP, the virtual machine continues' },
  { name: 'CHANGE', min: 2, classes: 'DG', handler: changeCmd, help: 'CHANGE RDR|PRT|PUN spoolid|ALL|CLASS c options' },
  { name: 'CLOSE', min: 1, classes: 'G', handler: closeCmd, help: 'CLOSE vdev|PRT|PUN|CONSOLE [HOLD|NOHOLD] [NAME fn ft] [DIST d] [PURGE]' },
  { name: 'DEFINE', min: 3, classes: 'G', handler: defineCmd, help: 'DEFINE STORAGE n | T3390 AS vdev CYL n | READER/PUNCH/PRINTER vdev' },
  { name: 'DETACH', min: 3, classes: 'BG', handler: detachCmd, help: 'DETACH vdev | DETACH rdev FROM userid' },
  { name: 'DIRECTXA', min: 8, classes: 'ABC', handler: directxaCmd, help: 'DIRECTXA [EDIT] [RDR spoolid]: rebuild the object directories of every system' },
  { name: 'DISCONNECT', min: 4, classes: ANY, handler: disconnectCmd, help: 'DISCONNECT: leave the virtual machine running without a terminal' },
  { name: 'FORCE', min: 5, classes: 'A', handler: forceCmd, help: 'FORCE userid: log a user off' },
  { name: 'INDICATE', min: 3, classes: 'EG', handler: indicateCmd, help: 'INDICATE USER [userid]' },
  { name: 'IPL', min: 1, classes: 'G', handler: iplCmd, help: 'IPL vdev|sysname [CLEAR] [PARM text]' },
  { name: 'LINK', min: 4, classes: 'G', handler: linkCmd, help: 'LINK [TO] userid vdev1 [AS] vdev2 [mode] [[PASS=] password]' },
  { name: 'MSG', min: 1, classes: 'ABG', handler: msgCmd, help: 'MSG userid|*|ALL|OPERATOR text' },
  { name: 'MESSAGE', min: 2, classes: 'ABG', handler: msgCmd, help: 'MESSAGE: same as MSG' },
  { name: 'MSGNOH', min: 6, classes: 'AB', handler: msgnohCmd, help: 'MSGNOH userid|ALL text: message without header' },
  { name: 'ORDER', min: 3, classes: 'DG', handler: orderCmd, help: 'ORDER RDR|PRT|PUN spoolid ... | CLASS c' },
  { name: 'PURGE', min: 3, classes: 'DG', handler: purgeCmd, help: 'PURGE RDR|PRT|PUN spoolid|CLASS c|ALL' },
  { name: 'QUERY', min: 1, classes: 'ABCDEFGH', handler: queryCmdWithTerminal, help: 'QUERY operand: see HELP QUERY' },
  { name: 'SET', min: 3, classes: 'ABCDEFGH', handler: setCmdWithTerminal, help: 'SET MSG|WNG|EMSG|IMSG|SMSG|RUN value | SET PFnn [IMMED|DELAYED] text | SET PFnn RETRIEVE | SET RETRIEVE n' },
  { name: 'SHUTDOWN', min: 8, classes: 'A', handler: shutdownCmd, help: 'SHUTDOWN: stop this system' },
  { name: 'SLEEP', min: 2, classes: ANY, handler: sleepCmd, help: 'SLEEP [n SEC|MIN|HRS]' },
  { name: 'SMSG', min: 2, classes: 'G', handler: smsgCmd, help: 'SMSG userid text: special message to a program' },
  { name: 'SPOOL', min: 2, classes: 'G', handler: spoolCmd, help: 'SPOOL vdev|RDR|PRT|PUN|CONSOLE options' },
  { name: 'SYSTEM', min: 3, classes: 'G', handler: systemCmd, help: 'SYSTEM RESET|CLEAR' },
  { name: 'TAG', min: 2, classes: 'G', handler: tagCmd, help: 'TAG DEV vdev [text] | TAG FILE spoolid [text] | TAG QUERY ...' },
  { name: 'TERMINAL', min: 4, classes: 'G', handler: terminalCmd, help: 'TERMINAL MORE n m | HOLD ON|OFF | BRKKEY PA1|PA2|PFnn|NONE | LINEND|CHARDEL|ESCAPE c|ON|OFF' },
  { name: 'TRANSFER', min: 4, classes: 'DG', handler: transferCmd, help: 'TRANSFER [RDR|PRT|PUN] spoolid|CLASS c|ALL TO userid [RDR|PRT|PUN]' },
  { name: 'VMRELOCATE', min: 6, classes: 'A', handler: vmrelocateCmd, help: 'VMRELOCATE TEST|MOVE userid [TO] sys [options] | STATUS | CANCEL userid' },
  { name: 'WARNING', min: 1, classes: 'AB', handler: warningCmd, help: 'WARNING userid|ALL text' },
  { name: 'WNG', min: 3, classes: 'AB', handler: warningCmd, help: 'WNG: same as WARNING' },
  { name: 'XLINK', min: 5, classes: 'B', handler: xlinkCmd, help: 'XLINK DISPLAY [volser] | XLINK RESET sysname: cross-system link records' },
  { name: 'XAUTOLOG', min: 5, classes: 'ABG', handler: xautologCmd, help: 'XAUTOLOG userid: log on a user disconnected' },
];

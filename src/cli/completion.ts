// Shell completion scripts, made from commander's own command tree: every
// command, option and argument as `--help` shows them, so a command or option
// added to program.ts is completed without a word here. What an option's or
// argument's value is completed with follows from the tree too: its choices
// (Option.argChoices, Argument.argChoices), else the name of its value
// (`<slug...>`: the index's slugs, `<feed...>`: the feed list's names,
// `<file>`, `<input...>`: files, `<dir>`: folders). Slugs and feed names are
// asked of `news __complete` (complete.ts) on each TAB press.
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Shell } from './program.js';

/** What a value is completed with. */
export type Values =
  { kind: 'none' } | { kind: 'choices'; choices: readonly string[] } | { kind: 'slugs' } | { kind: 'feeds' } | { kind: 'files' } | { kind: 'dirs' };

export interface Word {
  name: string;
  description: string;
}

export interface OptionSpec {
  /** `-h`, `--help`: every spelling. */
  flags: string[];
  description: string;
  /** null for a flag that takes no value. */
  value: Values | null;
}

export interface CommandSpec {
  /** The words after `news` that name the command: [] for `news` itself, ['feed', 'add']. */
  path: string[];
  subcommands: Word[];
  /** Its own options, then those of the commands above it. */
  options: OptionSpec[];
  /** What each argument is completed with, in order; the last may repeat. */
  args: Values[];
  variadic: boolean;
}

/** What a value named `name` (`<slug...>`, `[feed...]`, `<file>`) is completed with. */
function valuesNamed(name: string, choices: readonly string[] | undefined): Values {
  if (choices !== undefined && choices.length > 0) return { kind: 'choices', choices };
  if (/^slugs?$/.test(name)) return { kind: 'slugs' };
  if (/^feeds?$/.test(name)) return { kind: 'feeds' };
  if (/^(files?|inputs?|paths?)$/.test(name)) return { kind: 'files' };
  if (/^(dir|dirs|folder)$/.test(name)) return { kind: 'dirs' };
  return { kind: 'none' };
}

/** The name of an option's value: `--width <n>` → `n`. */
const valueName = (flags: string): string => /[<[]([^>\]]*?)(\.\.\.)?[>\]]/.exec(flags)?.[1] ?? '';

/** Every command of the tree, `news` first, each with what completes its words. */
export function commandSpecs(program: CommandUnknownOpts): CommandSpec[] {
  const specs: CommandSpec[] = [];
  const visit = (command: CommandUnknownOpts, path: string[], inherited: OptionSpec[]) => {
    const help = command.createHelp();
    const own: OptionSpec[] = help.visibleOptions(command).map((option) => ({
      flags: [option.short, option.long].filter((flag): flag is string => flag !== undefined),
      description: help.optionDescription(option),
      value: option.required || option.optional ? valuesNamed(valueName(option.flags), option.argChoices) : null,
    }));
    const spelled = new Set(own.flatMap((option) => option.flags));
    const options = [...own, ...inherited.filter((option) => !option.flags.some((flag) => spelled.has(flag)))];
    const children = help.visibleCommands(command);
    const names = children.filter((child) => child.name() !== 'help').map((child) => child.name());
    const args = command.registeredArguments.map((argument) =>
      // `news help COMMAND`, commander's own: the commands beside it.
      argument.name() === 'command' && command.name() === 'help' && path.length > 0
        ? {
            kind: 'choices' as const,
            choices:
              specs
                .find((spec) => spec.path.join(' ') === path.slice(0, -1).join(' '))
                ?.subcommands.map((word) => word.name)
                .filter((name) => name !== 'help') ?? names,
          }
        : valuesNamed(argument.name(), argument.argChoices),
    );
    specs.push({
      path,
      subcommands: children.flatMap((child) => [child.name(), ...child.aliases()].map((name) => ({ name, description: help.subcommandDescription(child) }))),
      options,
      args,
      variadic: command.registeredArguments.at(-1)?.variadic ?? false,
    });
    // Options of a command above are read after a subcommand too; its help and version are its own.
    const passed = options.filter((option) => !option.flags.some((flag) => ['-h', '--help', '-V', '--version'].includes(flag)));
    for (const child of children) visit(child, [...path, child.name()], passed);
  };
  visit(program, [], []);
  return specs;
}

const shQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
const fishQuote = (text: string): string => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The key a command is found by in the scripts: `news`, `news feed add`. */
const keyOf = (spec: CommandSpec): string => ['news', ...spec.path].join(' ');

/**
 * Every place a value is completed, keyed `news CMD|--flag` for an option's
 * value and `news CMD|#N` for the Nth argument, with what completes it.
 */
function valueSlots(specs: readonly CommandSpec[]): Array<readonly [string, Values]> {
  return specs
    .flatMap((s) => [
      ...s.options.flatMap((o) => (o.value === null ? [] : o.flags.map((flag) => [`${keyOf(s)}|${flag}`, o.value!] as const))),
      ...s.args.map((v, at) => [`${keyOf(s)}|#${at}`, v] as const),
    ])
    .filter(([, v]) => v.kind !== 'none');
}

/** A value's kind and choices, as the scripts hold them. */
function valueWords(values: Values): [string, string] {
  return [values.kind, values.kind === 'choices' ? values.choices.join(' ') : ''];
}

/**
 * The part bash and zsh share (both run it): `_news_spec KEY` sets what a
 * command takes, `_news_values KEY FLAG|#N` what a value is completed with,
 * and `_news_walk WORD…` reads the words before the one completed.
 */
function posixPart(specs: CommandSpec[]): string {
  const spec = specs
    .map((s) => {
      const flags = s.options.flatMap((o) => o.flags).join(' ');
      const valued = s.options.filter((o) => o.value !== null).flatMap((o) => o.flags);
      return [
        `    ${shQuote(keyOf(s))})`,
        `      _news_subs=${shQuote(s.subcommands.map((w) => w.name).join(' '))}`,
        `      _news_flags=${shQuote(flags)}`,
        `      _news_valued=${shQuote(valued.join(' '))}`,
        `      _news_nargs=${s.args.length} _news_variadic=${s.variadic ? 1 : 0} ;;`,
      ].join('\n');
    })
    .join('\n');
  const values = valueSlots(specs)
    .map(([key, v]) => {
      const [kind, choices] = valueWords(v);
      return `    ${shQuote(key)}) _news_kind=${kind} _news_choices=${shQuote(choices)} ;;`;
    })
    .join('\n');
  return `# _news_spec KEY: what the command KEY ('news', 'news feed add') takes.
_news_spec() {
  _news_subs='' _news_flags='' _news_valued='' _news_nargs=0 _news_variadic=0
  case $1 in
${spec}
  esac
}

# _news_values KEY FLAG|#N: what an option's value or the Nth argument is
# completed with: _news_kind (none choices slugs feeds files dirs), _news_choices.
_news_values() {
  _news_kind=none _news_choices=''
  case "$1|$2" in
${values}
  esac
}

# _news_has LIST WORD: whether WORD is one of the space-separated LIST.
_news_has() {
  case " $1 " in *" $2 "*) return 0 ;; esac
  return 1
}

# _news_walk WORD...: reads the words between \`news\` and the one completed:
# _news_key (the command), _news_n (its arguments so far), _news_expect (an
# option waiting for its value), _news_dir (the --dir given).
_news_walk() {
  _news_key=news _news_n=0 _news_expect='' _news_dir='' _news_ended=''
  _news_spec news
  local w
  for w in "$@"; do
    if [ -n "$_news_expect" ]; then
      [ "$_news_expect" = --dir ] && _news_dir=$w
      _news_expect=''
      continue
    fi
    if [ -z "$_news_ended" ]; then
      case $w in
        --) _news_ended=1; continue ;;
        --dir=*) _news_dir=\${w#--dir=}; continue ;;
        --*=*) continue ;;
        -?*) _news_has "$_news_valued" "$w" && _news_expect=$w; continue ;;
      esac
    fi
    if [ "$_news_n" -eq 0 ] && _news_has "$_news_subs" "$w"; then
      _news_key="$_news_key $w"
      _news_spec "$_news_key"
      continue
    fi
    _news_n=$((_news_n + 1))
  done
  case $_news_dir in '~'/*) _news_dir=$HOME/\${_news_dir#'~/'} ;; esac
}

# _news_argument: the kind of the argument at _news_n, for the command read.
_news_argument() {
  local at=$_news_n
  if [ "$at" -ge "$_news_nargs" ]; then
    if [ "$_news_variadic" = 1 ]; then at=$((_news_nargs - 1)); else _news_kind=none _news_choices=''; return; fi
  fi
  _news_values "$_news_key" "#$at"
}

# _news_ask KIND PREFIX: slugs or feed names, from \`news __complete\`.
_news_ask() {
  local cmd=\${_news_cmd:-news}
  case $cmd in '~'/*) cmd=$HOME/\${cmd#'~/'} ;; esac
  command "$cmd" __complete "$1" "$2" "$_news_dir" 2>/dev/null
}
`;
}

function bashScript(specs: CommandSpec[]): string {
  return `# bash completion for news: made by \`news completion bash\` from its own commands.
# Load it in ~/.bashrc:  source <(news completion bash)
${posixPart(specs)}
# _news_reply PREFIX: COMPREPLY from _news_kind and _news_choices.
_news_reply() {
  case $_news_kind in
    choices) mapfile -t COMPREPLY < <(compgen -W "$_news_choices" -- "$1") ;;
    slugs | feeds) mapfile -t COMPREPLY < <(_news_ask "$_news_kind" "$1") ;;
    files) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$1") ;;
    dirs) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$1") ;;
    *) COMPREPLY=() ;;
  esac
}

_news() {
  COMPREPLY=()
  # bash splits --color=al into --color, =, al: the words are joined again.
  local -a words=()
  local i word
  for ((i = 1; i <= COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if ((\${#words[@]} > 0)) && [[ $word == = || \${COMP_WORDS[i-1]} == = ]] && [[ \${words[\${#words[@]}-1]} == --* ]]; then
      words[\${#words[@]}-1]+=$word
    else
      words+=("$word")
    fi
  done
  local cur=\${words[\${#words[@]}-1]}
  local _news_cmd=\${COMP_WORDS[0]}
  _news_walk "\${words[@]:0:\${#words[@]}-1}"
  if [[ -n $_news_expect ]]; then
    _news_values "$_news_key" "$_news_expect"
    _news_reply "$cur"
  elif [[ $cur == --*=* ]]; then
    _news_values "$_news_key" "\${cur%%=*}"
    _news_reply "\${cur#*=}"
  elif [[ $cur == -* && -z $_news_ended ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$_news_flags" -- "$cur")
  elif [[ $_news_n -eq 0 && -n $_news_subs ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$_news_subs" -- "$cur")
  else
    _news_argument
    _news_reply "$cur"
  fi
  return 0
}
complete -F _news news
`;
}

function zshScript(specs: CommandSpec[]): string {
  return `#compdef news
# zsh completion for news: made by \`news completion zsh\` from its own commands.
# Put it in a folder of $fpath as _news, or load it in ~/.zshrc:  source <(news completion zsh)
${posixPart(specs)}
# _news_add PREFIX-SHOWN: candidates from _news_kind and _news_choices.
_news_add() {
  case $_news_kind in
    choices) compadd -P "$1" -- \${=_news_choices} ;;
    slugs | feeds) compadd -P "$1" -- \${(f)"$(_news_ask "$_news_kind" "\${PREFIX#$1}")"} ;;
    files) _files ;;
    dirs) _directories ;;
  esac
}

_news() {
  local cur=\${words[CURRENT]}
  local _news_cmd=\${words[1]}
  _news_walk "\${(@)words[2,CURRENT-1]}"
  if [[ -n $_news_expect ]]; then
    _news_values "$_news_key" "$_news_expect"
    _news_add ''
  elif [[ $cur == --*=* ]]; then
    _news_values "$_news_key" "\${cur%%=*}"
    _news_add "\${cur%%=*}="
  elif [[ $cur == -* && -z $_news_ended ]]; then
    compadd -- \${=_news_flags}
  elif [[ $_news_n -eq 0 && -n $_news_subs ]]; then
    compadd -- \${=_news_subs}
  else
    _news_argument
    _news_add ''
  fi
}

# Autoloaded from $fpath, the file is the body of _news: it runs it; sourced, it registers it.
if [ "$funcstack[1]" = _news ]; then
  _news "$@"
else
  compdef _news news
fi
`;
}

function fishScript(specs: CommandSpec[]): string {
  const list = (words: string[]) => words.map(fishQuote).join(' ');
  const spec = specs
    .map((s) => {
      const flags = s.options.flatMap((o) => o.flags.map((flag) => `${flag}\t${oneLine(o.description)}`));
      const valued = s.options.filter((o) => o.value !== null).flatMap((o) => o.flags);
      return [
        `    case ${fishQuote(keyOf(s))}`,
        `      set -g __news_subs ${list(s.subcommands.map((w) => `${w.name}\t${oneLine(w.description)}`))}`,
        `      set -g __news_flags ${list(flags)}`,
        `      set -g __news_valued ${list(valued)}`,
        `      set -g __news_nargs ${s.args.length}`,
        `      set -g __news_variadic ${s.variadic ? 1 : 0}`,
      ].join('\n');
    })
    .join('\n');
  const values = valueSlots(specs)
    .map(([key, v]) => `    case ${fishQuote(key)}\n      echo ${v.kind}${v.kind === 'choices' ? ' ' + list([...v.choices]) : ''}`)
    .join('\n');
  return `# fish completion for news: made by \`news completion fish\` from its own commands.
# Save it as ~/.config/fish/completions/news.fish, or:  news completion fish | source

function __news_spec --description 'what the command KEY takes'
  set -g __news_subs
  set -g __news_flags
  set -g __news_valued
  set -g __news_nargs 0
  set -g __news_variadic 0
  switch $argv[1]
${spec}
  end
end

function __news_values --description 'what a value is completed with: KIND CHOICE...'
  switch "$argv[1]|$argv[2]"
${values}
    case '*'
      echo none
  end
end

function __news_names --description 'the words of a list, without their descriptions'
  string replace -r '\\t.*' '' -- $argv
end

function __news_ask --argument-names kind prefix cmd
  command $cmd __complete $kind $prefix "$__news_dir" 2>/dev/null
end

function __news_candidates --argument-names cur
  set -l kind $argv[2..-1]
  set -l cmd (commandline -opc)[1]
  test -n "$cmd"; or set cmd news
  switch $kind[1]
    case choices
      printf '%s\\n' $kind[2..-1]
    case slugs feeds
      __news_ask $kind[1] $cur $cmd
    case files
      __fish_complete_path $cur
    case dirs
      __fish_complete_directories $cur
  end
end

function __news_complete --description 'completes a news command line'
  set -l words (commandline -opc)
  set -e words[1]
  set -l cur (commandline -ct)
  set -g __news_key news
  set -g __news_dir ''
  set -l n 0
  set -l expect ''
  set -l ended 0
  __news_spec news
  for w in $words
    if test -n "$expect"
      test "$expect" = --dir; and set -g __news_dir $w
      set expect ''
      continue
    end
    if test $ended = 0
      switch $w
        case --
          set ended 1
          continue
        case '--dir=*'
          set -g __news_dir (string replace -- '--dir=' '' $w)
          continue
        case '--*=*'
          continue
        case '-?*'
          contains -- $w $__news_valued; and set expect $w
          continue
      end
    end
    if test $n = 0; and contains -- $w (__news_names $__news_subs)
      set -g __news_key "$__news_key $w"
      __news_spec $__news_key
      continue
    end
    set n (math $n + 1)
  end
  set -g __news_dir (string replace -r '^~/' "$HOME/" -- $__news_dir)
  if test -n "$expect"
    __news_candidates $cur (__news_values $__news_key $expect | string split ' ')
  else if string match -q -- '--*=*' $cur
    set -l flag (string replace -r '=.*' '' -- $cur)
    for value in (__news_candidates (string replace -r '^[^=]*=' '' -- $cur) (__news_values $__news_key $flag | string split ' '))
      echo "$flag=$value"
    end
  else if test $ended = 0; and string match -q -- '-*' $cur
    printf '%s\\n' $__news_flags
  else if test $n = 0; and test (count $__news_subs) -gt 0
    printf '%s\\n' $__news_subs
  else
    set -l at $n
    if test $at -ge $__news_nargs
      test $__news_variadic = 1; or return
      set at (math $__news_nargs - 1)
    end
    __news_candidates $cur (__news_values $__news_key "#$at" | string split ' ')
  end
end

complete -c news -e
complete -c news -f -a '(__news_complete)'
`;
}

/** The completion script of `shell` for the command tree of `program`. */
export function completionScript(program: CommandUnknownOpts, shell: Shell): string {
  const specs = commandSpecs(program);
  const scripts = { bash: bashScript, zsh: zshScript, fish: fishScript } satisfies Record<Shell, (specs: CommandSpec[]) => string>;
  return scripts[shell](specs);
}

"""`ritualbot completion bash|zsh`: a completion script drawn from the command line's own
parser, so that it offers exactly the commands, options and choices this version has.

bash: `eval "$(ritualbot completion bash)"` in ~/.bashrc. zsh: `eval "$(ritualbot completion
zsh)"` in ~/.zshrc after `compinit`, or the script saved as `_ritualbot` on `$fpath`."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = "ritualbot"


@dataclass
class Tree:
    """What may come next at each command path ("ritualbot roadmap import")."""

    commands: set[str] = field(default_factory=set)  # the paths that are commands
    words: dict[str, list[str]] = field(default_factory=dict)  # subcommands, options, choices
    values: dict[str, str] = field(default_factory=dict)  # "path --option": choices or @file/@any
    files: set[str] = field(default_factory=set)  # paths whose positional is a file


def tree(parser: argparse.ArgumentParser) -> Tree:
    found = Tree()
    _walk(parser, ROOT, found)
    return found


def _walk(parser: argparse.ArgumentParser, at: str, found: Tree) -> None:
    found.commands.add(at)
    words: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                words.append(name)
                _walk(sub, f"{at} {name}", found)
        elif action.option_strings:
            words += [option for option in action.option_strings if option.startswith("--")]
            if action.nargs != 0:
                value = _value(action)
                for option in action.option_strings:
                    found.values[f"{at} {option}"] = value
        elif action.choices:
            words += [str(choice) for choice in action.choices]
        elif action.type is Path:
            found.files.add(at)
    found.words[at] = words


def _value(action: argparse.Action) -> str:
    if action.choices:
        return " ".join(str(choice) for choice in action.choices)
    return "@file" if action.type is Path else "@any"


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    drawn = tree(parser)
    return _bash(drawn) if shell == "bash" else _zsh(drawn)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _tables(drawn: Tree, *, zsh: bool) -> str:
    tables = {
        "_ritualbot_commands": {at: "1" for at in sorted(drawn.commands)},
        "_ritualbot_words": {at: " ".join(words) for at, words in sorted(drawn.words.items())},
        "_ritualbot_values": dict(sorted(drawn.values.items())),
        "_ritualbot_files": {at: "1" for at in sorted(drawn.files)},
    }
    lines = []
    for name, table in tables.items():
        if zsh:
            pairs = " ".join(f"{_quote(k)} {_quote(v)}" for k, v in table.items())
            lines += [f"typeset -gA {name}", f"{name}=( {pairs} )"]
        else:
            pairs = " ".join(f"[{_quote(k)}]={_quote(v)}" for k, v in table.items())
            lines.append(f"declare -gA {name}=( {pairs} )")
    return "\n".join(lines)


_BASH = r"""# ritualbot completion for bash: eval "$(ritualbot completion bash)" in ~/.bashrc
_ritualbot() {
    local cur prev at word i
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev=""
    (( COMP_CWORD > 1 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
    at=ritualbot
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word="${COMP_WORDS[i]}"
        [[ -n "${_ritualbot_commands["$at $word"]+x}" ]] && at="$at $word"
    done
    if [[ "$prev" == -* && -n "${_ritualbot_values["$at $prev"]+x}" ]]; then
        case "${_ritualbot_values["$at $prev"]}" in
            @file) compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$cur") ) ;;
            @any) COMPREPLY=() ;;
            *) COMPREPLY=( $(compgen -W "${_ritualbot_values["$at $prev"]}" -- "$cur") ) ;;
        esac
        return 0
    fi
    COMPREPLY=( $(compgen -W "${_ritualbot_words[$at]}" -- "$cur") )
    if [[ -n "${_ritualbot_files[$at]+x}" && "$cur" != -* ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY+=( $(compgen -f -- "$cur") )
    fi
    return 0
}
"""

_ZSH = r"""#compdef ritualbot
# ritualbot completion for zsh: eval "$(ritualbot completion zsh)" in ~/.zshrc (after
# compinit), or this script saved as _ritualbot in a folder of $fpath
_ritualbot() {
    local at=ritualbot word prev i
    for (( i = 2; i < CURRENT; i++ )); do
        word=${words[i]}
        (( ${+_ritualbot_commands[$at $word]} )) && at="$at $word"
    done
    prev=${words[CURRENT-1]}
    if [[ $prev == -* ]] && (( ${+_ritualbot_values[$at $prev]} )); then
        case ${_ritualbot_values[$at $prev]} in
            @file) _files ;;
            @any) _message 'a value' ;;
            *) compadd -- ${=_ritualbot_values[$at $prev]} ;;
        esac
        return
    fi
    compadd -- ${=_ritualbot_words[$at]}
    (( ${+_ritualbot_files[$at]} )) && [[ $PREFIX != -* ]] && _files
    return 0
}
"""


def _bash(drawn: Tree) -> str:
    return _BASH + _tables(drawn, zsh=False) + "\ncomplete -F _ritualbot ritualbot\n"


def _zsh(drawn: Tree) -> str:
    ending = (
        'if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then\n'
        '    _ritualbot "$@"\n'
        "else\n"
        "    compdef _ritualbot ritualbot\n"
        "fi\n"
    )
    return _ZSH + _tables(drawn, zsh=True) + "\n" + ending

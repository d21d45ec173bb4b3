"""The one Jinja2 sandbox every template runs in: deck prompts, the conducteur, print.

Templates come from people (a shared deck, a `--templates` folder), so they are
treated as untrusted code:

- they run in Jinja2's immutable sandbox: no `__class__`, `__globals__`, no
  mutating of the lists and dicts they are given;
- they are read by `FolderLoader`, which refuses a template that is a symlink,
  lies under a symlinked folder, leaves its folder, is not a regular file or is
  too big, with a French error naming it;
- they render within a `Limits` budget: wall time and steps (loop turns and
  calls, counted in the compiled code), output size, and the size of what any
  operator, filter or call may build (`'a' * 10**9`, `range(10**9)`,
  `x.center(10**9)` are refused before they are computed). A template that
  breaks a limit ends in `BudgetExceeded`, a French error, and the process goes on.

Jinja2 is imported by whoever imports this module, only when templates are used.
"""

from __future__ import annotations

import contextvars
import functools
import math
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from fiction.errors import FictionError
from fiction.fileio import outside_reason

MAX_TEMPLATE_BYTES = 500_000
"""The kit's largest template is 6 kB; half a megabyte is not a template."""

MAX_RANGE = 10_000
"""`range()` in a template: enough for any layout, too few to loop for long."""

MAX_POWER_BITS = 10_000
"""`**` may build numbers of a few thousand digits, not `10**10**10`."""


@dataclass(frozen=True)
class Limits:
    """What one rendering may spend: seconds, steps (loop turns and calls),
    characters written, and the size of any one value it builds."""

    seconds: float = 5.0
    steps: int = 1_000_000
    output: int = 200_000
    operand: int = 200_000


DECK_LIMITS = Limits()
PRINT_LIMITS = Limits(seconds=30.0, steps=10_000_000, output=50_000_000, operand=5_000_000)


class BudgetExceeded(SecurityError):
    """A template went past its `Limits`; the message is French and complete."""


class TemplateRefused(FictionError):
    """A template file the loader will not read (symlink, outside its folder, too big…)."""


# -- Reading templates -------------------------------------------------------------------


@dataclass(frozen=True)
class Folder:
    """A folder templates are read from, and the folder it must stay within
    (a deck's `prompts/` stays within the deck)."""

    path: Path
    within: Path | None = None


class FolderLoader(jinja2.BaseLoader):
    """Templates from `folders`, first one first, read only if each is a regular
    file reached without any symlink, inside its folder, and at most `max_bytes`."""

    def __init__(self, folders: Sequence[Path | Folder], max_bytes: int = MAX_TEMPLATE_BYTES):
        self.folders = [f if isinstance(f, Folder) else Folder(Path(f)) for f in folders]
        self.max_bytes = max_bytes

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.folders:
            path = folder.path.joinpath(*pieces)
            if not os.path.lexists(path):
                continue
            checked = confined_file(path, folder.within or folder.path, template)
            text = read_template(checked, template, self.max_bytes)
            mtime = checked.stat().st_mtime
            return text, str(checked), lambda p=checked, m=mtime: _unchanged(p, m)
        raise jinja2.TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        return []


def confined_file(path: Path, root: Path, name: str) -> Path:
    """`path` if it is a regular file under `root` reached without a symlink;
    `TemplateRefused` naming template `name` otherwise."""
    reason = outside_reason(path, root)
    if reason is not None:
        raise _refused(name, path, reason)
    return path


def read_template(path: Path, name: str, max_bytes: int = MAX_TEMPLATE_BYTES) -> str:
    """The text of a template file, read without following a symlink and at most `max_bytes`."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(descriptor, "rb") as stream:
            raw = stream.read(max_bytes + 1)
    except OSError as error:
        raise _refused(name, path, f"illisible ({error.strerror or error})") from error
    if len(raw) > max_bytes:
        raise _refused(name, path, f"trop gros ({max_bytes} octets au plus pour un modèle)")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise _refused(name, path, "il doit être enregistré en UTF-8") from error


def _refused(name: str, path: Path, why: str) -> TemplateRefused:
    return TemplateRefused(f"Modèle « {name} » refusé ({path}) : {why}.")


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.stat().st_mtime == mtime
    except OSError:
        return False


# -- The budget of one rendering ---------------------------------------------------------


class _Run:
    """The clock and step count of the rendering under way in this thread."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.steps = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > self.limits.steps:
            raise BudgetExceeded(
                f"modèle trop long à remplir (plus de {self.limits.steps} tours de boucle "
                "ou appels)"
            )
        if self.steps % 1000 == 0:
            self.check_clock()

    def check_clock(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(
                f"modèle trop long à remplir (plus de {self.limits.seconds:g} secondes)"
            )


_RUN: contextvars.ContextVar[_Run | None] = contextvars.ContextVar("template_run", default=None)


def _step() -> None:
    run = _RUN.get()
    if run is not None:
        run.step()


def weight(value: Any, limit: int) -> int:
    """The size of `value` as printed text or items, counted up to just past `limit`."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if not isinstance(value, (list, tuple, dict, set, frozenset, range)):
        return 1
    total = 0
    pending: list[Any] = [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, (str, bytes, range)):
            total += len(item)
        elif isinstance(item, dict):
            total += 1
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += 1
            if len(item) > limit:
                return len(item)
            pending.extend(item)
        else:
            total += 1
    return total


_FORMAT_WIDTH = re.compile(r"\d{6,}")


class BudgetedTemplate(jinja2.Template):
    """A template whose every rendering runs within its environment's `Limits`."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        environment: SandboxEnvironment = self.environment  # type: ignore[assignment]
        context = self.new_context(dict(*args, **kwargs))
        run = _Run(environment.limits)
        token = _RUN.set(run)
        try:
            written = 0
            chunks: list[str] = []
            for chunk in self.root_render_func(context):
                written += len(chunk)
                if written > environment.limits.output:
                    raise BudgetExceeded(
                        f"texte produit trop long (plus de {environment.limits.output} caractères)"
                    )
                run.check_clock()
                chunks.append(chunk)
            return "".join(chunks)
        except Exception:
            return self.environment.handle_exception()
        finally:
            _RUN.reset(token)

    def generate(self, *args: Any, **kwargs: Any) -> Iterator[str]:
        yield self.render(*args, **kwargs)


class _BudgetCodeGenerator(CodeGenerator):
    """Compiles loops so each turn counts a step, and `~` so its size is checked first."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        counted = nodes.EnvironmentAttribute("counted", lineno=node.lineno)
        if not (isinstance(node.iter, nodes.Call) and node.iter.node == counted):
            node.iter = nodes.Call(counted, [node.iter], [], None, None, lineno=node.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.joined(")
        super().visit_Concat(node, frame)
        self.write(")")


class _GuardedFilters(dict):
    """The environment's filters, each handed out wrapped in the size checks."""

    def __init__(self, environment: SandboxEnvironment, filters: dict[str, Any]) -> None:
        super().__init__(filters)
        self._environment = environment
        self._wrapped: dict[tuple[str, int], Any] = {}

    def __getitem__(self, name: str) -> Any:
        return self._guard(name, super().__getitem__(name))

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return self._guard(name, super().get(name)) if name in self else default

    def _guard(self, name: str, function: Any) -> Any:
        key = (name, id(function))
        if key not in self._wrapped:
            environment = self._environment

            @functools.wraps(function)
            def guarded(*args: Any, **kwargs: Any) -> Any:
                environment.check_call(name, None, args, kwargs)
                return environment.sized(function(*args, **kwargs))

            self._wrapped[key] = guarded
        return self._wrapped[key]


class SandboxEnvironment(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, held to `limits` (see the module's docstring)."""

    code_generator_class = _BudgetCodeGenerator
    template_class = BudgetedTemplate
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def __init__(self, *, limits: Limits = DECK_LIMITS, **options: Any) -> None:
        super().__init__(**options)
        self.limits = limits
        self.globals.pop("lipsum", None)
        self.globals["range"] = self.capped_range
        self.filters = _GuardedFilters(self, self.filters)

    # What the compiled code calls.

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            _step()
            yield item

    def joined(self, text: str) -> str:
        return self.sized(text)

    def concat(self, parts: Iterable[str]) -> str:  # type: ignore[override]
        pieces: list[str] = []
        total = 0
        for part in parts:
            total += len(part)
            if total > self.limits.output:
                raise self._too_big(total, self.limits.output)
            pieces.append(part)
        return "".join(pieces)

    def capped_range(self, *args: int) -> range:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise BudgetExceeded(
                f"opération interdite dans un modèle : range() de {len(numbers)} nombres "
                f"({MAX_RANGE} au plus)"
            )
        return numbers

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _step()
        __self.check_call(getattr(__obj, "__name__", ""), __obj, args, kwargs)
        return __self.sized(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limit = self.limits.operand
        if operator == "**":
            growing = _number(left) and _number(right) and abs(left) > 1 and right > 0
            if growing and right * math.log2(abs(left)) > MAX_POWER_BITS:
                raise BudgetExceeded("opération interdite dans un modèle : puissance trop grande")
        elif operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if _integer(times) and not _number(sequence):
                    self._check_size(weight(sequence, limit) * max(times, 0))
        elif operator == "+":
            if not (_number(left) and _number(right)):
                self._check_size(weight(left, limit) + weight(right, limit))
        elif operator == "%" and isinstance(left, str):
            self.check_call("format", None, (left, right), {})
        return self.sized(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        formats = super().wrap_str_format(value)
        if formats is None:
            return None
        pattern = value.__self__

        @functools.wraps(formats)
        def checked(*args: Any, **kwargs: Any) -> str:
            self.check_call("format", None, (pattern, *args), kwargs)
            return self.sized(formats(*args, **kwargs))

        return checked

    def finalize_value(self, value: Any) -> Any:
        self._check_size(weight(value, self.limits.operand))
        return value

    # The checks.

    def sized(self, value: Any) -> Any:
        """`value`, if it is no bigger than the operand limit."""
        self._check_size(weight(value, self.limits.operand))
        return value

    def check_call(self, name: str, function: Any, args: Sequence[Any], kwargs: dict) -> None:
        """Refuse a call whose arguments, or whose known way of growing text, are too big."""
        limit = self.limits.operand
        receiver = getattr(function, "__self__", None)
        values = [*args, *kwargs.values()]
        if isinstance(receiver, str):
            values.insert(0, receiver)
        for value in values:
            if _integer(value) and abs(value) > limit:
                raise BudgetExceeded(
                    f"opération interdite dans un modèle : nombre {value} trop grand "
                    f"({limit} au plus)"
                )
            if not callable(value):
                self._check_size(weight(value, limit))
        texts = [value for value in values if isinstance(value, str)]
        if name == "format" and any(_FORMAT_WIDTH.search(text) for text in texts[:1]):
            raise BudgetExceeded(
                "opération interdite dans un modèle : largeur de format trop grande"
            )
        self._check_size(_grown_size(name, receiver, args, kwargs))

    def _check_size(self, size: int) -> None:
        if size > self.limits.operand:
            raise self._too_big(size, self.limits.operand)

    @staticmethod
    def _too_big(size: int, limit: int) -> BudgetExceeded:
        return BudgetExceeded(
            f"opération interdite dans un modèle : résultat de {size} caractères ou "
            f"éléments ({limit} au plus)"
        )


def _grown_size(name: str, receiver: Any, args: Sequence[Any], kwargs: dict) -> int:
    """An upper bound of what the text functions that multiply their input would build."""
    positional = ([receiver] if isinstance(receiver, str) else []) + [
        arg for arg in args if not _is_context(arg)
    ]
    if not positional or not isinstance(positional[0], str):
        return 0
    text, rest = positional[0], positional[1:]
    if name == "replace" and len(rest) >= 2 and isinstance(rest[0], str):
        new = rest[1]
        return len(text) + (text.count(rest[0]) + 1) * len(str(new))
    if name == "expandtabs":
        size = rest[0] if rest else kwargs.get("tabsize", 8)
        return len(text) + text.count("\t") * (size if _integer(size) else 0)
    if name == "indent":
        width = rest[0] if rest else kwargs.get("width", 4)
        each = len(width) if isinstance(width, str) else width if _integer(width) else 0
        return len(text) + (text.count("\n") + 1) * each
    if name == "wordwrap":
        width = rest[0] if rest else kwargs.get("width", 79)
        wrap = rest[3] if len(rest) > 3 else kwargs.get("wrapstring") or "\n"
        lines = len(text) // max(width if _integer(width) else 1, 1) + 1
        return len(text) + lines * len(str(wrap))
    if name == "translate" and rest and isinstance(rest[0], dict):
        longest = max((len(str(value)) for value in rest[0].values()), default=1)
        return len(text) * max(longest, 1)
    return 0


def _is_context(value: Any) -> bool:
    return isinstance(value, (jinja2.runtime.Context, jinja2.nodes.EvalContext))


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def sandboxed(
    loader: Any = None,
    *,
    limits: Limits = DECK_LIMITS,
    finalize: Callable[[Any], Any] | None = None,
    **options: Any,
) -> SandboxEnvironment:
    """A sandboxed environment whose `finalize` also refuses printing an oversized value."""
    environment: SandboxEnvironment

    def checked(value: Any) -> Any:
        environment.finalize_value(value)
        return finalize(value) if finalize is not None else value

    environment = SandboxEnvironment(loader=loader, limits=limits, finalize=checked, **options)
    return environment


__all__ = [
    "DECK_LIMITS",
    "MAX_RANGE",
    "MAX_TEMPLATE_BYTES",
    "PRINT_LIMITS",
    "BudgetExceeded",
    "Folder",
    "FolderLoader",
    "Limits",
    "SandboxEnvironment",
    "TemplateRefused",
    "confined_file",
    "read_template",
    "sandboxed",
]

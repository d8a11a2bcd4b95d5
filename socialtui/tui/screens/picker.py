"""The plan picker: list, open, create, rename and duplicate plans."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from socialtui import store
from socialtui.plan.budget import format_minutes, summarize
from socialtui.plan.findings import check, worst
from socialtui.plan.model import slugify
from socialtui.plan.rules import parse_name
from socialtui.safe import one_line
from socialtui.session import ChangedOnDisk, LockLost, PlanHeld
from socialtui.tui.screens.dialogs import PromptScreen
from socialtui.tui.widgets.footer import CalmFooter


class PlanPicker(ModalScreen[Path | None]):
    DEFAULT_CSS = """
    PlanPicker { align: center middle; }
    PlanPicker > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    PlanPicker OptionList { height: auto; max-height: 20; }
    PlanPicker #picker-help { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("n", "new", "New"),
        Binding("r", "rename", "Rename"),
        Binding("c", "duplicate", "Duplicate"),
    ]

    def __init__(self, data: Path, current: Path) -> None:
        super().__init__()
        self.data = data
        self.current = current
        self.paths: list[Path] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Plans"
            yield OptionList(id="plans")
            yield Static(
                "enter open · n new (starter) · r rename · c duplicate · escape close",
                id="picker-help",
            )
        yield CalmFooter()

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one(OptionList).focus()

    def refresh_list(self, select: Path | None = None) -> None:
        paths = store.list_plans(self.data)
        if self.current not in paths and self.current.exists():
            paths.insert(0, self.current)
        self.paths = paths
        options = []
        today = self.app.today  # type: ignore[attr-defined]
        for path in paths:
            label = Text()
            mark = "▶ " if path == self.current else "  "
            try:
                loaded = store.load(path)
            except store.PlanError as error:
                label.append(f"{mark}{path.name}", style="bold")
                reason = getattr(error, "reason", str(error))
                label.append(f"  unreadable: {one_line(reason, 60)}", style="red")
            else:
                summary = summarize(loaded.plan)
                state = worst(check(loaded.plan, today)) or "ok"
                changed = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
                label.append(f"{mark}{one_line(loaded.plan.name, 36):<36}", style="bold")
                label.append(f"  {path.name:<24} {changed}  ")
                label.append(
                    f"{format_minutes(summary.committed)} / {format_minutes(summary.capacity)}  "
                )
                label.append(state, style={"error": "red", "warning": "yellow"}.get(state, "green"))
            options.append(Option(label, id=str(path)))
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(options)
        target = select or self.current
        if target in paths:
            option_list.highlighted = paths.index(target)

    def selected(self) -> Path | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None or not self.paths:
            return None
        return self.paths[option_list.highlighted]

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Path(event.option.id or ""))

    def action_close(self) -> None:
        self.dismiss(None)

    def _unused_path(self, name: str) -> Path:
        taken = {p.stem for p in store.list_plans(self.data)}
        return store.plans_dir(self.data) / f"{slugify(name, taken)}.toml"

    def action_new(self) -> None:
        def done(name: str | None) -> None:
            if not name:
                return
            from socialtui.store.starter import starter_text

            path = self._unused_path(name)
            text = starter_text(self.app.today)  # type: ignore[attr-defined]
            try:
                created = store.create(path, text)
                store.save(created, replace(created.plan, name=name))
            except (store.PlanError, OSError) as error:
                self.app.notify(f"Could not create the plan: {error}", severity="error")
                return
            self.app.notify(f"Created {path}")
            self.refresh_list(select=path)

        self.app.push_screen(
            PromptScreen("New plan", "Name of the new plan:", "", parse_name), done
        )

    def action_rename(self) -> None:
        path = self.selected()
        if path is None:
            return
        try:
            loaded = store.load(path)
        except store.PlanError as error:
            self.app.notify(str(error), severity="error")
            return

        def done(name: str | None) -> None:
            if not name or name == loaded.plan.name:
                return
            try:
                if path == self.current and self.app.loaded.path == path:  # type: ignore[attr-defined]
                    planner = self.app.planner  # type: ignore[attr-defined]
                    planner.apply(replace(planner.plan, name=name))
                    self.app.save_sync()  # type: ignore[attr-defined]
                else:  # another plan: through the session, as every save
                    with self.app.session.editing(path) as held:  # type: ignore[attr-defined]
                        held.load()
                        held.save(replace(held.loaded.plan, name=name))
            except PlanHeld as error:
                self.app.notify(f"Could not rename: {one_line(error)}", severity="error")
                return
            except (store.PlanError, ChangedOnDisk, LockLost, OSError) as error:
                self.app.notify(f"Could not rename: {error}", severity="error")
                return
            self.refresh_list(select=path)

        self.app.push_screen(
            PromptScreen(
                "Rename plan", "New name (the file keeps its name):", loaded.plan.name, parse_name
            ),
            done,
        )

    def action_duplicate(self) -> None:
        path = self.selected()
        if path is None:
            return
        try:
            loaded = store.load(path)
        except store.PlanError as error:
            self.app.notify(str(error), severity="error")
            return

        def done(name: str | None) -> None:
            if not name:
                return
            target = self._unused_path(name)
            try:
                copy = store.create(target, loaded.text)
                store.save(copy, replace(copy.plan, name=name))
            except (store.PlanError, OSError) as error:
                self.app.notify(f"Could not duplicate: {error}", severity="error")
                return
            self.app.notify(f"Duplicated to {target}")
            self.refresh_list(select=target)

        self.app.push_screen(
            PromptScreen(
                "Duplicate plan", "Name of the copy:", f"{loaded.plan.name} (copy)", parse_name
            ),
            done,
        )

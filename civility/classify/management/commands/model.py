"""``civility model train|eval``: train the shipped classifier, or measure it on labelled CSVs.

    civility model train [--datasets DIR] [--lexicons DIR] [--out DIR] [--seed N] [--cross] [--lodo]
    civility model eval FILE... [--json] [--by-lang] [--by-source] [--model DIR] [--no-baselines]
    civility model eval --report [--lodo [--only NAME...]] [--json] [--datasets DIR] [--own DIR]
    civility model adapt [--site KEY] [--dry-run]     # learn from decisions (civility.learning)
    civility model versions                           # one per line, the one in use marked *
    civility model use VERSION                        # install or roll back

``eval --report`` prints, per label and per language, recall at the shipped threshold, the
civil false-flag rate and ROC-AUC on our own labelled sets and the datasets' validation
splits, then the leave-one-dataset-out table stored by ``train --lodo`` (``--lodo``
recomputes it with a lighter configuration, about 10 minutes on 2 cores).

Training needs the ``[train]`` extra (scikit-learn, scipy); evaluation needs nothing more
than the web process, plus the ``[baselines]`` extra to compare with hatesonar and
alt-profanity-check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Train the shipped classifier (train) or evaluate it on CSVs in the datasets' schema (eval)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        from civility.classify.model import DATA_DIR
        from civility.classify.train import DEFAULT_DATASETS, DEFAULT_LEXICONS, OWN_DATA, WRITTEN_DATA

        train = sub.add_parser("train", help="train every head and write the model into the package")
        train.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS, help="folder of *.csv.gz datasets")
        train.add_argument("--lexicons", type=Path, default=DEFAULT_LEXICONS, help="folder of word lists")
        train.add_argument("--own", type=Path, default=OWN_DATA, help="folder of our own labelled sets")
        train.add_argument("--written", type=Path, default=WRITTEN_DATA,
                           help="folder of sets written for training, one CSV per writer (training/README.md)")
        train.add_argument("--out", type=Path, default=DATA_DIR, help="where to write weights.npz and manifest.json")
        train.add_argument("--seed", type=int, default=13)
        train.add_argument("--written-share", type=float, default=1.0,
                           help="each written set's weight in the heads it labels, relative to one dataset")
        train.add_argument("--limit", type=int, default=None, help="rows per dataset (quick runs)")
        train.add_argument("--lodo", action="store_true",
                           help="also run the leave-one-dataset-out evaluation (about 10 more minutes) and store "
                                "its table in the manifest")
        train.add_argument("--cross", action="store_true",
                           help="also run the cross-dataset experiments (train on some datasets, test on "
                                "another; about three more minutes) and store their numbers in the manifest")

        ev = sub.add_parser("eval", help="per-label metrics on labelled CSV files")
        ev.add_argument("files", nargs="*", type=Path)
        ev.add_argument("--report", action="store_true",
                        help="the full report: per label and language on our sets and the datasets' validation "
                             "splits, and the leave-one-dataset-out table")
        ev.add_argument("--lodo", action="store_true", help="with --report: recompute the leave-one-dataset-out "
                                                            "table (needs the [train] extra; minutes)")
        ev.add_argument("--only", nargs="+", default=None, help="with --lodo: leave out only these datasets")
        ev.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS, help="folder of *.csv.gz datasets")
        ev.add_argument("--lexicons", type=Path, default=DEFAULT_LEXICONS, help="folder of word lists (--lodo)")
        ev.add_argument("--own", type=Path, default=OWN_DATA, help="folder of our own labelled sets")
        ev.add_argument("--json", action="store_true", help="machine-readable output")
        ev.add_argument("--by-lang", action="store_true", help="also report each file per language")
        ev.add_argument("--by-source", action="store_true", help="also report each file per `source` value")
        ev.add_argument("--model", type=Path, default=DATA_DIR, help="a model folder (default: the shipped one)")
        ev.add_argument("--no-baselines", dest="baselines", action="store_false")

        adapt = sub.add_parser("adapt", help="adapt the model in use to moderators' decisions, and install it "
                                             "only if it is better (docs/learning.md)")
        adapt.add_argument("--site", help="learn from this site's decisions (default: every site's)")
        adapt.add_argument("--dry-run", action="store_true", help="train and evaluate, install nothing")
        adapt.add_argument("--dataset-rows", type=int, default=None,
                           help="rows per shipped dataset kept beside the decisions (default: 1500)")
        sub.add_parser("versions", help="the model versions, newest first, the one in use marked *")
        use = sub.add_parser("use", help="put a model version in use (rolls back, too)")
        use.add_argument("version")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["action"] in ("adapt", "versions", "use"):
            from civility.learning.cli import model_command

            model_command(self, opts)
        elif opts["action"] == "train":
            self._train(opts)
        else:
            self._eval(opts)

    def _train(self, opts: dict[str, Any]) -> None:
        try:
            import sklearn  # noqa: F401
        except ImportError:
            raise CommandError("training needs scikit-learn: pip install 'civility[train]'") from None
        from civility.classify.train import Config, train

        if not opts["datasets"].exists():
            raise CommandError(f"no datasets folder at {opts['datasets']}")
        config = Config(seed=opts["seed"], limit=opts["limit"], written_share=opts["written_share"])
        manifest = train(datasets=opts["datasets"], lexicons=opts["lexicons"], out=opts["out"], config=config,
                         own=opts["own"], written=opts["written"], cross=opts["cross"], lodo=opts["lodo"],
                         log=lambda msg: self.stdout.write(msg))
        self.stdout.write(self.style.SUCCESS(f"model {manifest['version']} written to {opts['out']}"))

    def _eval(self, opts: dict[str, Any]) -> None:
        from civility.classify.evaluate import evaluate, table, to_json
        from civility.classify.model import Model

        missing = [str(f) for f in opts["files"] if not f.exists()]
        if missing:
            raise CommandError(f"no such file: {', '.join(missing)}")
        if not opts["files"] and not opts["report"]:
            raise CommandError("give one or more CSV files, or --report")
        if (opts["lodo"] or opts["only"]) and not opts["report"]:
            raise CommandError("--lodo and --only go with --report")
        try:
            model = Model(opts["model"])
        except FileNotFoundError as exc:
            raise CommandError(f"no model at {opts['model']}: {exc}") from None
        if opts["report"]:
            self._report(model, opts)
            if not opts["files"]:
                return
        report = evaluate(opts["files"], model, by_lang=opts["by_lang"], by_source=opts["by_source"],
                          baselines=opts["baselines"])
        self.stdout.write(to_json(report) if opts["json"] else table(report))

    def _report(self, model: Any, opts: dict[str, Any]) -> None:
        from civility.classify.evaluate import full_report, lodo_from_scratch, report_text, to_json

        if not opts["own"].exists():
            raise CommandError(f"no folder of labelled sets at {opts['own']}")
        if opts["only"]:
            from civility.classify.train import real_names

            unknown = sorted(set(opts["only"]) - real_names())
            if unknown:
                raise CommandError(f"--only: unknown dataset(s) {', '.join(unknown)}; known: "
                                   f"{', '.join(sorted(real_names()))}")
        if opts["lodo"]:
            try:
                import sklearn  # noqa: F401
            except ImportError:
                raise CommandError("--lodo needs scikit-learn: pip install 'civility[train]'") from None
            if not opts["datasets"].exists():
                raise CommandError(f"no datasets folder at {opts['datasets']}")
        rep = full_report(model, opts["own"], opts["datasets"])
        if opts["lodo"]:
            rep["leave_one_out"] = lodo_from_scratch(opts["datasets"], opts["lexicons"], opts["own"], model,
                                                     only=opts["only"], log=lambda msg: self.stderr.write(msg))
        self.stdout.write(to_json(rep) if opts["json"] else report_text(rep))

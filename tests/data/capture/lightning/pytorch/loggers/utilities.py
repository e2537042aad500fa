"""Stand-in for lightning.pytorch.loggers.utilities._log_hyperparams, as Lightning 2.6 has it."""
import os


def _rank():
    return int(os.environ.get("RANK", "0"))


def _log_hyperparams(trainer):
    if not trainer.loggers:
        return
    pl_module = trainer.lightning_module
    hparams_initial = None
    if pl_module._log_hyperparams:
        hparams_initial = pl_module.hparams_initial
    if hparams_initial is not None:
        hparams_initial = {k: v for k, v in hparams_initial.items() if k != "_class_path"}
    for logger in trainer.loggers:
        if hparams_initial is not None:
            logger.log_hyperparams(hparams_initial)
        logger.log_graph(pl_module)
        logger.save()

"""Stand-in for lightning.pytorch.trainer.trainer: imports _log_hyperparams by name and calls it when the run
starts; logs what the module gave self.log after each batch through _LoggerConnector.log_metrics (step None:
the connector takes fit_loop.epoch_loop._batches_that_stepped), and at epoch end with the epoch."""
import os
import types

from lightning.pytorch.loggers import TensorBoardLogger
from lightning.pytorch.loggers.utilities import _log_hyperparams
from lightning.pytorch.trainer.connectors.logger_connector import _LoggerConnector


class Trainer:
    def __init__(self, max_epochs=1, logger=True, log_every_n_steps=1, enable_autolog_hparams=True):
        self.max_epochs = max_epochs
        self.loggers = [TensorBoardLogger()] if logger is True else ([] if not logger else [logger])
        self.enable_autolog_hparams = enable_autolog_hparams
        self.fit_loop = types.SimpleNamespace(epoch_loop=types.SimpleNamespace(_batches_that_stepped=0))
        self.current_epoch = 0
        self._logger_connector = _LoggerConnector(self)
        self._pending = {}
        self.lightning_module = None
        self.datamodule = None

    @property
    def is_global_zero(self):
        return int(os.environ.get("RANK", "0")) == 0

    @property
    def global_step(self):
        return self.fit_loop.epoch_loop._batches_that_stepped

    def fit(self, model, train_dataloaders):
        self.lightning_module = model
        model.trainer = self
        if self.enable_autolog_hparams:
            _log_hyperparams(self)
        for epoch in range(self.max_epochs):
            self.current_epoch = epoch
            for i, batch in enumerate(train_dataloaders):
                self._pending = {}
                model.training_step(batch, i)
                self.fit_loop.epoch_loop._batches_that_stepped += 1
                self._logger_connector.log_metrics(self._pending)
            self._pending = {}
            model.on_train_epoch_end()
            if self._pending:
                self._logger_connector.log_metrics(dict(self._pending, step=epoch))
        for logger in self.loggers:
            logger.finalize("success")

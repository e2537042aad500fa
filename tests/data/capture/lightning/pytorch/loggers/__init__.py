"""Stand-in for Lightning's TensorBoardLogger: a SummaryWriter made on first use, written on global rank 0."""
import os

from lightning.pytorch.loggers.utilities import _rank


class TensorBoardLogger:
    def __init__(self, save_dir="lightning_logs", version=0):
        self.log_dir = os.path.join(save_dir, "version_%d" % version)
        self._experiment = None

    @property
    def experiment(self):
        if self._experiment is None:
            from torch.utils.tensorboard import SummaryWriter

            self._experiment = SummaryWriter(log_dir=self.log_dir)
        return self._experiment

    def log_metrics(self, metrics, step=None):
        if _rank() != 0:
            return
        for k, v in metrics.items():
            self.experiment.add_scalar(k, v, step)

    def log_hyperparams(self, params):
        if _rank() != 0:
            return
        self.experiment.add_hparams(dict(params), {"hp_metric": -1}, run_name=".")

    def log_graph(self, model):
        pass

    def save(self):
        if self._experiment is not None:
            self._experiment.flush()

    def finalize(self, status):
        if self._experiment is not None:
            self._experiment.close()

"""Stand-in for Lightning's _LoggerConnector.log_metrics: the body as Lightning 2.6 has it."""


def convert_tensors_to_scalars(metrics):
    return {k: (v.item() if hasattr(v, "item") else v) for k, v in metrics.items()}


class _LoggerConnector:
    def __init__(self, trainer):
        self.trainer = trainer
        self._logged_metrics = {}

    def log_metrics(self, metrics, step=None):
        if not self.trainer.loggers or not metrics:
            return
        self._logged_metrics.update(metrics)
        scalar_metrics = convert_tensors_to_scalars(metrics)
        if step is None:
            step_metric = scalar_metrics.pop("step", None)
            if step_metric is not None:
                step = int(step_metric)
            else:
                scalar_metrics.setdefault("epoch", self.trainer.current_epoch)
                step = self.trainer.fit_loop.epoch_loop._batches_that_stepped
        for logger in self.trainer.loggers:
            logger.log_metrics(metrics=scalar_metrics, step=step)
            logger.save()

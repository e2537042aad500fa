"""Stand-in for accelerate.tracking (1.x): GeneralTracker, and TensorBoardTracker writing through a
SummaryWriter (torch.utils.tensorboard, else tensorboardX) as accelerate's does."""
import os


class GeneralTracker:
    main_process_only = True

    def __init__(self, _blank=False):
        pass

    def start(self):
        pass

    def store_init_configuration(self, values):
        pass

    def log(self, values, step=None, **kwargs):
        pass

    def finish(self):
        pass


class TensorBoardTracker(GeneralTracker):
    name = "tensorboard"
    requires_logging_directory = True

    def __init__(self, run_name, logging_dir, **kwargs):
        super().__init__()
        self.run_name = run_name
        self.logging_dir_param = logging_dir
        self.init_kwargs = kwargs

    def start(self):
        try:
            from torch.utils import tensorboard
        except ImportError:
            import tensorboardX as tensorboard
        self.writer = tensorboard.SummaryWriter(os.path.join(self.logging_dir_param, self.run_name), **self.init_kwargs)

    @property
    def tracker(self):
        return self.writer

    def store_init_configuration(self, values):
        self.writer.add_hparams(values, metric_dict={})
        self.writer.flush()

    def log(self, values, step=None, **kwargs):
        for k, v in values.items():
            if isinstance(v, (int, float)):
                self.writer.add_scalar(k, v, global_step=step, **kwargs)
            elif isinstance(v, dict):
                self.writer.add_scalars(k, v, global_step=step, **kwargs)
        self.writer.flush()

    def finish(self):
        self.writer.close()


LOGGER_TYPE_TO_CLASS = {"tensorboard": TensorBoardTracker}

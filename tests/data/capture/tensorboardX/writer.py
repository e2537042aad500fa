"""Stand-in for tensorboardX.writer (lanpa/tensorboardX 2.6): SummaryWriter's signatures; attribute `logdir`;
add_scalars writes each value to logdir/main_tag/tag with tag main_tag; add_hparams makes a child writer."""
import os
import time

from _tfrecord import EventWriter


class SummaryWriter:
    def __init__(self, logdir=None, comment="", purge_step=None, max_queue=10, flush_secs=120, filename_suffix="",
                 write_to_disk=True, log_dir=None, comet_config={"disabled": True}, **kwargs):
        logdir = log_dir or logdir or os.path.join("runs", time.strftime("%b%d_%H-%M-%S") + comment)
        self.logdir = logdir
        self._writer = EventWriter(logdir, filename_suffix)
        self._children = {}

    def add_scalar(self, tag, scalar_value, global_step=None, walltime=None, display_name="",
                   summary_description=""):
        self._writer.scalar(tag, scalar_value, global_step)

    def add_scalars(self, main_tag, tag_scalar_dict, global_step=None, walltime=None):
        for tag, value in tag_scalar_dict.items():
            path = os.path.join(self.logdir, main_tag, tag)
            child = self._children.get(path) or self._children.setdefault(path, EventWriter(path))
            child.scalar(main_tag, value, global_step)

    def add_hparams(self, hparam_dict, metric_dict, name=None, global_step=None):
        w_hp = SummaryWriter(logdir=os.path.join(self.logdir, name or str(time.time())))
        for k, v in metric_dict.items():
            w_hp.add_scalar(k, v, global_step)
        w_hp.close()

    def flush(self):
        self._writer.flush()
        for c in self._children.values():
            c.flush()

    def close(self):
        self._writer.close()
        for c in self._children.values():
            c.close()

"""Stand-in for torch.utils.tensorboard.writer (PyTorch 2.x): attribute `log_dir` and get_logdir();
add_scalars writes to log_dir/<main_tag with / as _>_<tag> with tag main_tag, without add_scalar; add_hparams
makes a child SummaryWriter at log_dir/<run_name or time> and calls add_scalar on it."""
import os
import socket
import time

from _tfrecord import EventWriter


class SummaryWriter:
    def __init__(self, log_dir=None, comment="", purge_step=None, max_queue=10, flush_secs=120, filename_suffix=""):
        if not log_dir:
            log_dir = os.path.join("runs", time.strftime("%b%d_%H-%M-%S") + "_" + socket.gethostname() + comment)
        self.log_dir = log_dir
        self.file_writer = EventWriter(log_dir, filename_suffix)
        self.all_writers = {log_dir: self.file_writer}

    def get_logdir(self):
        return self.log_dir

    def add_scalar(self, tag, scalar_value, global_step=None, walltime=None, new_style=False,
                   double_precision=False):
        self.file_writer.scalar(tag, scalar_value, global_step)

    def add_scalars(self, main_tag, tag_scalar_dict, global_step=None, walltime=None):
        for tag, value in tag_scalar_dict.items():
            fw_tag = self.log_dir + "/" + main_tag.replace("/", "_") + "_" + tag
            fw = self.all_writers.get(fw_tag) or self.all_writers.setdefault(fw_tag, EventWriter(fw_tag))
            fw.scalar(main_tag, value, global_step)

    def add_hparams(self, hparam_dict, metric_dict, hparam_domain_discrete=None, run_name=None, global_step=None):
        if type(hparam_dict) is not dict or type(metric_dict) is not dict:
            raise TypeError("hparam_dict and metric_dict should be dictionary.")
        logdir = os.path.join(self.log_dir, run_name or str(time.time()))
        with SummaryWriter(log_dir=logdir) as w_hp:
            for k, v in metric_dict.items():
                w_hp.add_scalar(k, v, global_step)

    def flush(self):
        for w in self.all_writers.values():
            w.flush()

    def close(self):
        for w in self.all_writers.values():
            w.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

"""Stand-in for transformers.training_args: a dataclass with to_dict and to_sanitized_dict."""
import dataclasses
import os


@dataclasses.dataclass
class TrainingArguments:
    output_dir: str = "out"
    learning_rate: float = 5e-5
    num_train_epochs: float = 1.0
    per_device_train_batch_size: int = 8
    logging_steps: int = 1
    eval_strategy: str = "no"
    report_to: list = dataclasses.field(default_factory=list)
    hub_token: str = None

    @property
    def process_index(self):
        return int(os.environ.get("RANK", "0"))

    @property
    def train_batch_size(self):
        return self.per_device_train_batch_size

    @property
    def eval_batch_size(self):
        return self.per_device_train_batch_size

    def to_dict(self):
        d = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.init}
        for k in d:
            if k.endswith("_token"):
                d[k] = f"<{k.upper()}>"
        return d

    def to_sanitized_dict(self):
        d = self.to_dict()
        d = {**d, "train_batch_size": self.train_batch_size, "eval_batch_size": self.eval_batch_size}
        valid_types = [bool, int, float, str]
        return {k: v if type(v) in valid_types else str(v) for k, v in d.items()}

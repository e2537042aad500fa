from .trainer import Trainer  # noqa: F401
from .trainer_callback import TrainerCallback  # noqa: F401
from .training_args import TrainingArguments  # noqa: F401

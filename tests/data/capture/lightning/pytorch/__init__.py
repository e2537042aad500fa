"""Stand-in for lightning.pytorch (Lightning 2.6, read at master 7f0c343)."""
from lightning.pytorch.core.module import LightningModule  # noqa: F401
from lightning.pytorch.trainer.trainer import Trainer  # noqa: F401

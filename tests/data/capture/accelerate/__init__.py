from .accelerator import Accelerator  # noqa: F401

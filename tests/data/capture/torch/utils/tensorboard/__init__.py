from .writer import SummaryWriter  # noqa: F401

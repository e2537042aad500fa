from lightning.pytorch.trainer.connectors.logger_connector.logger_connector import _LoggerConnector  # noqa: F401

class LightningModule:
    def __init__(self):
        self._hparams_initial = {}
        self._log_hyperparams = True
        self.trainer = None

    def save_hyperparameters(self, **hparams):
        self._hparams_initial = dict(hparams)

    @property
    def hparams_initial(self):
        return dict(self._hparams_initial)

    @property
    def hparams(self):
        return dict(self._hparams_initial)

    def log(self, name, value, prog_bar=False, on_step=None, on_epoch=None, **kwargs):
        self.trainer._pending[name] = value

    def log_dict(self, dictionary, **kwargs):
        for k, v in dictionary.items():
            self.log(k, v, **kwargs)

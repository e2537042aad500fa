# An ordinary Lightning script: it knows nothing of Trainyard. argv[1] names the package (lightning.pytorch or
# pytorch_lightning).
import importlib
import sys

pl = importlib.import_module(sys.argv[1])


class Model(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.save_hyperparameters(lr=0.02, hidden=64)

    def training_step(self, batch, batch_idx):
        self.log("train_loss", 1.0 / (batch + 1))
        self.log_dict({"a": float(batch), "b": 2.0 * batch})

    def on_train_epoch_end(self):
        self.log("epoch_score", 0.5 + self.trainer.current_epoch)


pl.Trainer(max_epochs=2).fit(Model(), list(range(10)))
print("done")

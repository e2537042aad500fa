// The Queue tab: the runs waiting (in their order: drag a row, or Move Up/Down/To Top), those running with
// their GPU ids, and the recent ones done; Pause/Resume and Remove; and a runner (`trainyard queue run`) the
// studio starts and stops, with its GPU pool and CPU slots, whose lines show below. The queue itself is the
// database's (QueueModel); a runner started elsewhere serves it just as well, and the table shows it.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProcess;
class QPushButton;
class QSpinBox;
class QTableView;

namespace trainyard {

class QueueModel;

class QueuePanel : public QWidget {
    Q_OBJECT
public:
    explicit QueuePanel(QWidget *parent = nullptr);
    ~QueuePanel() override;

    void setDatabase(const QString &path);
    QueueModel *model() const { return m_model; }
    // The `trainyard` program the runner is (default: the one beside this executable, else PATH's).
    void setLauncherProgram(const QString &program) { m_program = program; }
    // The runner's pool and slots (empty pool: every GPU NVML sees).
    void setPool(const QString &gpus, int cpuSlots);
    bool runnerRunning() const;
    QString runnerOutput() const;

public Q_SLOTS:
    void reload();
    void startRunner();
    void stopRunner();
    void togglePause();
    void removeSelected();
    // Moves the selected waiting run by delta places (-1 up, +1 down), or to the top.
    void moveSelected(int delta);
    void moveSelectedToTop();

Q_SIGNALS:
    void runnerStateChanged(bool running);

private:
    void updateButtons();
    QString program() const;
    QueueModel *m_model;
    QTableView *m_view;
    QLineEdit *m_pool;
    QSpinBox *m_slots;
    QPushButton *m_runner, *m_pause, *m_remove, *m_up, *m_down, *m_top;
    QLabel *m_status;
    QPlainTextEdit *m_output;
    QProcess *m_process = nullptr;
    qint64 m_selectedRun = 0; // kept across a reload, which resets the model
    QString m_program;
};

} // namespace trainyard

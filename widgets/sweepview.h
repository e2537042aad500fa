// A sweep's page (`trainyard sweep`, docs/SWEEPS.md): its trials in a table (trial, status, objective, every
// parameter; the best in bold), the objective against the trial number with the best so far, and a parallel
// coordinates chart of the parameters and the objective, one line per trial; More Trials continues the sweep
// (`trainyard sweep FILE --continue ID --trials N`), Stop Sweep takes its waiting trials off the queue and
// stops the running ones. The trials are runs tagged sweep=ID, read off the GUI thread.
#pragma once

#include "sweepmodel.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace trainyard {

class SweepView : public QWidget {
    Q_OBJECT
public:
    SweepView(const QString &databasePath, const QString &sweepId, QWidget *parent = nullptr);
    SweepModel *model() const { return m_model; }
    // What the charts hold (for tests): the objective's points, the parallel-coordinates lines and the points
    // of the first one (its axes).
    int objectivePoints() const;
    int parallelLines() const;
    int parallelAxes() const;
    // The `trainyard` program More Trials runs (default: the one beside this executable, else PATH's).
    void setLauncherProgram(const QString &program) { m_program = program; }

public Q_SLOTS:
    void refresh();
    // Reads again within half a second, however often the database changes meanwhile.
    void refreshSoon();
    // Takes the sweep's waiting trials off the queue and stops its running ones (SIGINT to their launchers).
    void stopSweep();
    // Continues the sweep with `count` more trials (a `trainyard sweep --continue` of its own).
    void moreTrials(int count);

Q_SIGNALS:
    void stopped(int removed, int stopping);
    void continued(bool started, const QString &error);

private:
    void draw();
    QString m_database, m_sweep, m_program;
    SweepModel *m_model;
    QTableView *m_table;
    QLabel *m_header;
    QCustomPlot *m_objective, *m_parallel;
    QPushButton *m_more, *m_stop;
    QTimer *m_refresh;
};

} // namespace trainyard

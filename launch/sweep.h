// `trainyard sweep FILE`: W&B's sweep configuration (program, method grid|random|bayes, metric, parameters
// with their distributions, command with its macros, early_terminate hyperband, run_cap), its trials as
// queued runs (queue.h) with their parameters recorded on them, the objective read from each run's metric,
// bayes through Optuna's sampler (Debian's python3-optuna, in a helper process), and hyperband stopping the
// worst trials with SIGINT. docs/SWEEPS.md.
#pragma once

#include "config/diagnostic.h"
#include "config/value.h"
#include "queue.h"
#include "system/hardware.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

class QProcess;

namespace trainyard {
class StoreReader;
}

namespace trainyard {

struct SweepParameter {
    enum class Distribution {
        Constant,
        Categorical,
        IntUniform,
        Uniform,
        QUniform,
        LogUniform, // min and max are natural logarithms of the bounds
        LogUniformValues,
        QLogUniform,
        QLogUniformValues,
        InvLogUniform,
        InvLogUniformValues,
        Normal,
        QNormal,
        LogNormal,
        QLogNormal,
    };
    QString name;
    Distribution distribution = Distribution::Constant;
    QList<Value> values;         // categorical (or the constant's one value)
    QList<double> probabilities; // categorical, optional
    double min = 0, max = 0, q = 1, mu = 0, sigma = 1;
    SourcePos pos;
};

QString distributionName(SweepParameter::Distribution d);

struct SweepConfig {
    QString file;
    QString name, program, method; // method: grid, random, bayes
    QString metric, goal = QStringLiteral("minimize");
    QList<SweepParameter> parameters;
    QStringList command; // as written, macros unexpanded; empty: ${env} ${interpreter} ${program} ${args}
    // early_terminate: hyperband
    QString earlyTerminate;
    int minIter = 0, maxIter = 0, s = 0;
    double eta = 3;
    int runCap = 0;

    // The iterations at which hyperband compares trials (min_iter, min_iter*eta, ...; or from max_iter and
    // s).
    QList<int> hyperbandMilestones() const;
};

// Reads a sweep file (YAML or JSON); false with diagnostics naming the file, line and key.
bool loadSweep(const QString &path, SweepConfig *out, Diagnostics *diagnostics);

using TrialParams = QMap<QString, Value>;

// Every combination of the parameters' values, in the file's order (the last parameter varies fastest);
// false (and why, with the parameter's line) when one has no finite set of values.
bool gridTrials(const SweepConfig &config, QList<TrialParams> *out, QString *error);
// One draw from every parameter's distribution.
TrialParams sampleTrial(const SweepConfig &config, QRandomGenerator &random);
// The trial's `trainyard launch` words: the launch flags, then the command with its macros expanded (${env},
// ${interpreter}, ${program}, ${args}, ${args_no_hyphens}, ${args_no_boolean_flags}, ${args_json}); false
// (and why) for a command Trainyard cannot launch.
bool trialLaunchWords(const SweepConfig &config, const TrialParams &params, const QStringList &launchFlags,
                      QStringList *out, QString *error);

struct SweepOptions {
    QString databasePath;
    QString program;         // the trainyard that runs each trial's launch (the queue runner's)
    QStringList launchFlags; // given after the file
    int trials = 0;          // 0: grid's every combination, else run_cap; random and bayes need one of them
    int parallel = 1;        // trials at once: the CPU slots of the sweep's own runner; bayes: trials asked
                             // for before earlier ones are told
    std::optional<quint32> seed;
    QueueRequest request; // what every trial asks the queue for
    QString optunaHelper; // trainyard_optuna.py
    QString continueId;   // --continue ID: more trials of that sweep (its trials so far are its history)
};

struct SweepTrial {
    int number = 0;
    qint64 rowId = 0;
    QString runId;
    TrialParams params;
    std::optional<double> value;
    RunStatus status = RunStatus::Queued;
    bool stoppedEarly = false;
    int optunaTrial = -1;
};

class SweepController : public QObject {
    Q_OBJECT
public:
    SweepController(SweepConfig config, SweepOptions options, QObject *parent = nullptr);
    ~SweepController() override;

    // Queues the first trials and follows them; finished() comes when every trial ended. False (and why)
    // when the sweep cannot start (a grid without values, bayes without Optuna, ...).
    bool start(QString *error);
    // Stops asking for trials and removes the waiting ones; the running ones end as they would.
    void stop();
    const QString &sweepId() const { return m_id; }
    const QList<SweepTrial> &trials() const { return m_trials; }
    // The best ended trial by the metric's goal, if any has a value.
    std::optional<SweepTrial> best() const;
    // The `--json` document: {"sweep", "method", "metric", "goal", "trials": [...], "best": {...}}.
    QJsonObject toJson() const;

Q_SIGNALS:
    void trialQueued(const trainyard::SweepTrial &trial);
    void trialEnded(const trainyard::SweepTrial &trial);
    void trialStopped(const trainyard::SweepTrial &trial, const QString &why); // hyperband
    void notice(const QString &text);
    void finished();

private:
    void poll();
    bool queueTrial(const TrialParams &params, int optunaTrial, QString *error);
    bool askOptuna(QString *error);
    // --continue: the sweep's trials so far, from the run database (their number, parameters, status, value).
    bool loadEarlierTrials(QString *error);
    // Tells Optuna the earlier trials that ended with a value (bayes, --continue).
    void replayToOptuna();
    void tellOptuna(const SweepTrial &trial);
    void hyperband(StoreReader &reader);
    int target() const;
    SweepConfig m_config;
    SweepOptions m_options;
    QString m_id;
    QList<SweepTrial> m_trials;
    QList<TrialParams> m_grid;
    QRandomGenerator m_random;
    QProcess *m_optuna = nullptr;
    QByteArray m_optunaOut;
    std::unique_ptr<QueueRunner> m_runner; // when no other runner serves the database
    bool m_stopping = false;
    bool m_done = false;
    bool m_polling = false;
    int m_earlier = 0;                      // --continue: the trials the sweep had
    std::optional<HardwareInfo> m_hardware; // probed once (nvidia-smi), for every trial's plan
    QList<int> m_milestones;
};

} // namespace trainyard

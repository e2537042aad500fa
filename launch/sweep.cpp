#include "sweep.h"

#include "config/yamlio.h"
#include "databaseurl.h"
#include "launch/launchplan.h"
#include "launch/runrecord.h"
#include "runcontrol.h"
#include "store.h"
#include "system/hardware.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <random>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
struct SweepText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::SweepText)
};

using D = SweepParameter::Distribution;

const QList<std::pair<D, QString>> &distributionNames() {
    static const QList<std::pair<D, QString>> names{
        {D::Constant, u"constant"_s},
        {D::Categorical, u"categorical"_s},
        {D::IntUniform, u"int_uniform"_s},
        {D::Uniform, u"uniform"_s},
        {D::QUniform, u"q_uniform"_s},
        {D::LogUniform, u"log_uniform"_s},
        {D::LogUniformValues, u"log_uniform_values"_s},
        {D::QLogUniform, u"q_log_uniform"_s},
        {D::QLogUniformValues, u"q_log_uniform_values"_s},
        {D::InvLogUniform, u"inv_log_uniform"_s},
        {D::InvLogUniformValues, u"inv_log_uniform_values"_s},
        {D::Normal, u"normal"_s},
        {D::QNormal, u"q_normal"_s},
        {D::LogNormal, u"log_normal"_s},
        {D::QLogNormal, u"q_log_normal"_s},
    };
    return names;
}

bool isNumber(const Value &v) {
    return v.isInt() || v.isFloat();
}

QJsonValue toJsonValue(const Value &v) {
    switch (v.type()) {
    case Value::Type::Bool:
        return v.toBool();
    case Value::Type::Int:
        return double(v.toInt());
    case Value::Type::Float:
        return v.toFloat();
    case Value::Type::String:
        return v.toString();
    case Value::Type::List: {
        QJsonArray a;
        for (const Value &i : v.items())
            a << toJsonValue(i);
        return a;
    }
    case Value::Type::Map: {
        QJsonObject o;
        for (const MapEntry &e : v.entries())
            o.insert(e.key, toJsonValue(e.value));
        return o;
    }
    case Value::Type::Null:
        break;
    }
    return QJsonValue::Null;
}

// The text a parameter's value has on the command line: Python's str(), as W&B's agent writes it.
QString argText(const Value &v) {
    if (v.isList() || v.isMap())
        return QString::fromUtf8(
            QJsonDocument::fromVariant(toJsonValue(v).toVariant()).toJson(QJsonDocument::Compact));
    return v.pythonStr();
}

bool isQuantized(D d) {
    return d == D::QUniform || d == D::QLogUniform || d == D::QLogUniformValues || d == D::QNormal ||
           d == D::QLogNormal;
}

double roundTo(double x, double q) {
    return q > 0 ? std::round(x / q) * q : x;
}
} // namespace

QString distributionName(SweepParameter::Distribution d) {
    for (const auto &[k, name] : distributionNames())
        if (k == d)
            return name;
    return {};
}

QList<int> SweepConfig::hyperbandMilestones() const {
    QList<int> out;
    const double e = eta > 1 ? eta : 3;
    if (minIter > 0) {
        const int last = maxIter > 0 ? maxIter : 1 << 20;
        for (double b = minIter; b <= last && out.size() < 20; b *= e)
            out << int(std::lround(b));
    } else if (maxIter > 0 && s > 0) {
        // W&B's other form: s brackets below max_iter, each eta times shorter.
        for (int k = s; k >= 1; --k)
            out << std::max(1, int(std::lround(maxIter / std::pow(e, k))));
    }
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool loadSweep(const QString &path, SweepConfig *out, Diagnostics *diags) {
    const auto fail = [&](const SourcePos &pos, const QString &message) {
        if (diags)
            diags->append(Diagnostic{Diagnostic::Severity::Error, path, pos, {}, message});
        return false;
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail({}, SweepText::tr("cannot read the sweep file: %1").arg(f.errorString()));
    const ParseResult parsed = parseDocument(f.read(MaxConfigBytes),
                                             path.endsWith(u".json"_s) ? Dialect::Json : Dialect::Yaml, path);
    if (!parsed.ok()) {
        if (diags)
            diags->append(parsed.diagnostics);
        return false;
    }
    const Value &root = parsed.root;
    if (!root.isMap())
        return fail(root.pos,
                    SweepText::tr("a sweep configuration is a mapping (program, method, parameters, ...)"));
    SweepConfig c;
    c.file = path;
    static const QStringList known{u"program"_s, u"method"_s,  u"metric"_s,      u"parameters"_s,
                                   u"command"_s, u"name"_s,    u"description"_s, u"early_terminate"_s,
                                   u"run_cap"_s, u"project"_s, u"entity"_s,      u"controller"_s};
    for (const MapEntry &e : root.entries())
        if (!known.contains(e.key))
            return fail(e.keyPos,
                        SweepText::tr("unknown key '%1' (a sweep has %2)").arg(e.key, known.join(u", "_s)));
    c.name = root.get(u"name"_s).toString();
    if (const Value program = root.get(u"program"_s); program.isScalar() && !program.isNull())
        c.program = program.pythonStr();
    const Value method = root.get(u"method"_s);
    c.method = method.toString();
    if (c.method != u"grid"_s && c.method != u"random"_s && c.method != u"bayes"_s)
        return fail(
            method.pos.isValid() ? method.pos : root.pos,
            SweepText::tr("method must be grid, random or bayes (it is '%1')").arg(method.sourceText()));
    const Value metric = root.get(u"metric"_s);
    if (metric.isMap()) {
        c.metric = metric.get(u"name"_s).toString();
        const Value goal = metric.get(u"goal"_s);
        if (!goal.isNull()) {
            c.goal = goal.toString();
            if (c.goal != u"minimize"_s && c.goal != u"maximize"_s)
                return fail(goal.pos, SweepText::tr("metric.goal must be minimize or maximize"));
        }
    } else if (!metric.isNull()) {
        return fail(metric.pos, SweepText::tr("metric is a mapping: name and goal"));
    }
    if (c.method == u"bayes"_s && c.metric.isEmpty())
        return fail(root.pos, SweepText::tr("the bayes method needs metric.name, the value it optimises"));
    const Value runCap = root.get(u"run_cap"_s);
    if (!runCap.isNull()) {
        if (!runCap.isInt() || runCap.toInt() < 1)
            return fail(runCap.pos, SweepText::tr("run_cap is a number of runs, at least 1"));
        c.runCap = int(runCap.toInt());
    }
    const Value command = root.get(u"command"_s);
    if (command.isList()) {
        for (const Value &w : command.items())
            c.command << w.pythonStr();
    } else if (!command.isNull()) {
        return fail(command.pos, SweepText::tr("command is a list of words, e.g. [${env}, ${interpreter}, "
                                               "${program}, ${args}]"));
    }
    const Value early = root.get(u"early_terminate"_s);
    if (early.isMap()) {
        c.earlyTerminate = early.get(u"type"_s).toString();
        if (c.earlyTerminate != u"hyperband"_s)
            return fail(early.pos, SweepText::tr("early_terminate.type: only hyperband is known"));
        c.minIter = int(early.get(u"min_iter"_s).toInt());
        c.maxIter = int(early.get(u"max_iter"_s).toInt());
        c.s = int(early.get(u"s"_s).toInt());
        if (!early.get(u"eta"_s).isNull())
            c.eta = early.get(u"eta"_s).toFloat();
        if (c.minIter <= 0 && (c.maxIter <= 0 || c.s <= 0))
            return fail(early.pos, SweepText::tr("hyperband needs min_iter, or max_iter and s"));
        if (c.eta <= 1)
            return fail(early.pos, SweepText::tr("hyperband's eta must be greater than 1"));
        if (c.metric.isEmpty())
            return fail(early.pos, SweepText::tr("early termination needs metric.name"));
    }
    const Value params = root.get(u"parameters"_s);
    if (!params.isMap() || params.size() == 0)
        return fail(params.pos.isValid() ? params.pos : root.pos,
                    SweepText::tr("parameters is a mapping of names to their values or distributions"));
    for (const MapEntry &e : params.entries()) {
        SweepParameter p;
        p.name = e.key;
        p.pos = e.keyPos;
        const Value &spec = e.value;
        if (!spec.isMap())
            return fail(e.keyPos,
                        SweepText::tr("parameter %1: give value, values, or min and max").arg(e.key));
        if (spec.get(u"parameters"_s).isMap())
            return fail(e.keyPos,
                        SweepText::tr("parameter %1: nested parameters are not supported").arg(e.key));
        const Value dist = spec.get(u"distribution"_s);
        const Value min = spec.get(u"min"_s), max = spec.get(u"max"_s);
        if (!spec.get(u"value"_s).isNull()) {
            p.distribution = D::Constant;
            p.values << spec.get(u"value"_s);
        } else if (const Value values = spec.get(u"values"_s); values.isList()) {
            p.distribution = D::Categorical;
            for (const Value &v : values.items())
                p.values << v;
            if (p.values.isEmpty())
                return fail(e.keyPos, SweepText::tr("parameter %1: values is empty").arg(e.key));
            const Value probs = spec.get(u"probabilities"_s);
            if (probs.isList()) {
                double sum = 0;
                for (const Value &v : probs.items()) {
                    p.probabilities << v.toFloat();
                    sum += v.toFloat();
                }
                if (p.probabilities.size() != p.values.size() || std::abs(sum - 1) > 1e-6)
                    return fail(probs.pos,
                                SweepText::tr("parameter %1: probabilities must be one per value and "
                                              "add up to 1")
                                    .arg(e.key));
            }
        } else if (isNumber(min) && isNumber(max)) {
            p.distribution = min.isInt() && max.isInt() ? D::IntUniform : D::Uniform;
            p.min = min.toFloat();
            p.max = max.toFloat();
            if (p.min > p.max)
                return fail(min.pos, SweepText::tr("parameter %1: min is greater than max").arg(e.key));
        } else if (dist.isNull() || (!dist.toString().contains(u"normal"_s))) {
            return fail(e.keyPos,
                        SweepText::tr("parameter %1: give value, values, or min and max").arg(e.key));
        }
        if (!dist.isNull()) {
            bool named = false;
            for (const auto &[k, name] : distributionNames())
                if (name == dist.toString()) {
                    p.distribution = k;
                    named = true;
                }
            if (!named)
                return fail(
                    dist.pos,
                    SweepText::tr("parameter %1: unknown distribution '%2'").arg(e.key, dist.toString()));
            if (!spec.get(u"q"_s).isNull())
                p.q = spec.get(u"q"_s).toFloat();
            p.mu = spec.get(u"mu"_s).isNull() ? 0 : spec.get(u"mu"_s).toFloat();
            p.sigma = spec.get(u"sigma"_s).isNull() ? 1 : spec.get(u"sigma"_s).toFloat();
            const bool logValues = p.distribution == D::LogUniformValues ||
                                   p.distribution == D::QLogUniformValues ||
                                   p.distribution == D::InvLogUniformValues;
            if (logValues && (p.min <= 0 || p.max <= 0))
                return fail(
                    dist.pos,
                    SweepText::tr("parameter %1: %2 needs min and max above 0").arg(e.key, dist.toString()));
        }
        c.parameters << p;
    }
    if (c.program.isEmpty() && c.command.isEmpty())
        return fail(root.pos, SweepText::tr("the sweep names no program (program: train.py)"));
    *out = c;
    return true;
}

bool gridTrials(const SweepConfig &config, QList<TrialParams> *out, QString *error) {
    QList<QPair<QString, QList<Value>>> axes;
    for (const SweepParameter &p : config.parameters) {
        QList<Value> values;
        switch (p.distribution) {
        case D::Constant:
        case D::Categorical:
            values = p.values;
            break;
        case D::IntUniform:
            for (qint64 i = qint64(p.min); i <= qint64(p.max) && values.size() <= 10000; ++i)
                values << Value::integer(i);
            break;
        case D::QUniform:
            for (double x = p.min; x <= p.max + p.q * 1e-9 && values.size() <= 10000; x += p.q)
                values << (p.q >= 1 && p.q == std::floor(p.q) ? Value::integer(std::llround(x))
                                                              : Value::real(roundTo(x, p.q)));
            break;
        default:
            if (error)
                *error =
                    SweepText::tr("%1:%2: parameter %3 (%4) has no finite set of values for a grid: give "
                                  "values")
                        .arg(config.file)
                        .arg(p.pos.line)
                        .arg(p.name, distributionName(p.distribution));
            return false;
        }
        axes.append({p.name, values});
    }
    QList<TrialParams> trials{TrialParams{}};
    for (const auto &[name, values] : axes) {
        QList<TrialParams> next;
        for (const TrialParams &t : trials)
            for (const Value &v : values) {
                TrialParams n = t;
                n.insert(name, v);
                next << n;
            }
        trials = next;
        if (trials.size() > 100000) {
            if (error)
                *error = SweepText::tr("the grid has more than 100000 combinations");
            return false;
        }
    }
    *out = trials;
    return true;
}

TrialParams sampleTrial(const SweepConfig &config, QRandomGenerator &random) {
    TrialParams t;
    const auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * random.generateDouble(); };
    const auto normal = [&](double mu, double sigma) {
        // Box-Muller from the generator's own draws (reproducible with its seed).
        const double u1 = std::max(random.generateDouble(), 1e-300), u2 = random.generateDouble();
        return mu + sigma * std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
    };
    for (const SweepParameter &p : config.parameters) {
        Value v;
        switch (p.distribution) {
        case D::Constant:
            v = p.values.value(0);
            break;
        case D::Categorical: {
            qsizetype pick = qsizetype(random.bounded(quint32(p.values.size())));
            if (!p.probabilities.isEmpty()) {
                const double r = random.generateDouble();
                double acc = 0;
                pick = p.values.size() - 1;
                for (qsizetype i = 0; i < p.probabilities.size(); ++i) {
                    acc += p.probabilities[i];
                    if (r < acc) {
                        pick = i;
                        break;
                    }
                }
            }
            v = p.values.value(pick);
            break;
        }
        case D::IntUniform:
            v = Value::integer(qint64(p.min) +
                               qint64(random.bounded(quint32(qint64(p.max) - qint64(p.min) + 1))));
            break;
        case D::Uniform:
            v = Value::real(uniform(p.min, p.max));
            break;
        case D::QUniform:
            v = Value::real(roundTo(uniform(p.min, p.max), p.q));
            break;
        case D::LogUniform:
            v = Value::real(std::exp(uniform(p.min, p.max)));
            break;
        case D::LogUniformValues:
            v = Value::real(std::exp(uniform(std::log(p.min), std::log(p.max))));
            break;
        case D::QLogUniform:
            v = Value::real(roundTo(std::exp(uniform(p.min, p.max)), p.q));
            break;
        case D::QLogUniformValues:
            v = Value::real(roundTo(std::exp(uniform(std::log(p.min), std::log(p.max))), p.q));
            break;
        case D::InvLogUniform:
            v = Value::real(std::exp(-uniform(p.min, p.max)));
            break;
        case D::InvLogUniformValues:
            v = Value::real(1 / std::exp(uniform(std::log(1 / p.max), std::log(1 / p.min))));
            break;
        case D::Normal:
            v = Value::real(normal(p.mu, p.sigma));
            break;
        case D::QNormal:
            v = Value::real(roundTo(normal(p.mu, p.sigma), p.q));
            break;
        case D::LogNormal:
            v = Value::real(std::exp(normal(p.mu, p.sigma)));
            break;
        case D::QLogNormal:
            v = Value::real(roundTo(std::exp(normal(p.mu, p.sigma)), p.q));
            break;
        }
        // A q-variant whose step is whole gives whole numbers, as W&B's do.
        if (v.isFloat() && isQuantized(p.distribution) && p.q >= 1 && p.q == std::floor(p.q))
            v = Value::integer(qint64(std::llround(v.toFloat())));
        t.insert(p.name, v);
    }
    return t;
}

bool trialLaunchWords(const SweepConfig &config, const TrialParams &params, const QStringList &launchFlags,
                      QStringList *out, QString *error) {
    QStringList args, noHyphens, noBooleanFlags;
    QJsonObject json;
    for (const SweepParameter &p : config.parameters) {
        const Value v = params.value(p.name);
        args << u"--%1=%2"_s.arg(p.name, argText(v));
        noHyphens << u"%1=%2"_s.arg(p.name, argText(v));
        if (v.isBool()) {
            if (v.toBool())
                noBooleanFlags << u"--"_s + p.name;
        } else {
            noBooleanFlags << u"--%1=%2"_s.arg(p.name, argText(v));
        }
        json.insert(p.name, toJsonValue(v));
    }
    const QStringList command = config.command.isEmpty() ? QStringList{u"${env}"_s, u"${interpreter}"_s,
                                                                       u"${program}"_s, u"${args}"_s}
                                                         : config.command;
    QStringList words;
    bool interpreter = false;
    for (const QString &w : command) {
        if (w == u"${env}"_s)
            continue; // /usr/bin/env: the launcher starts the program itself
        if (w == u"${interpreter}"_s) {
            interpreter = true;
            continue;
        }
        if (w == u"${args}"_s)
            words += args;
        else if (w == u"${args_no_hyphens}"_s)
            words += noHyphens;
        else if (w == u"${args_no_boolean_flags}"_s)
            words += noBooleanFlags;
        else if (w == u"${args_json}"_s)
            words << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
        else if (w == u"${program}"_s) {
            if (config.program.isEmpty()) {
                if (error)
                    *error = SweepText::tr("the command uses ${program}, and the sweep names no program");
                return false;
            }
            words << config.program;
        } else
            words << w;
    }
    if (words.isEmpty()) {
        if (error)
            *error = SweepText::tr("the command gives nothing to run");
        return false;
    }
    // "python3 -m pkg.train ..." or "python train.py ...": the launcher starts the interpreter.
    const QString first = QFileInfo(words.first()).fileName();
    if (!interpreter && first.startsWith(u"python"_s)) {
        words.removeFirst();
        interpreter = true;
    }
    QStringList launch = launchFlags;
    if (interpreter && words.value(0) == u"-m"_s && words.size() >= 2) {
        launch << u"-m"_s;
        words.removeFirst();
    } else if (!interpreter && !words.first().endsWith(u".py"_s)) {
        launch << u"--no_python"_s;
    }
    *out = launch + words;
    return true;
}

SweepController::SweepController(SweepConfig config, SweepOptions options, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_options(std::move(options))
    , m_random(m_options.seed ? *m_options.seed : QRandomGenerator::system()->generate()) {
    m_id = u"sweep-"_s + newRunId();
    m_milestones = m_config.hyperbandMilestones();
}

SweepController::~SweepController() {
    if (m_optuna) {
        m_optuna->closeWriteChannel();
        if (!m_optuna->waitForFinished(2000))
            m_optuna->kill();
    }
}

int SweepController::target() const {
    // --continue: N more than the sweep has.
    const int more = m_options.continueId.isEmpty() ? 0 : m_earlier;
    if (m_config.method == u"grid"_s) {
        const int all = int(m_grid.size());
        const int cap = m_options.trials > 0 ? more + m_options.trials : m_config.runCap;
        return cap > 0 ? std::min(cap, all) : all;
    }
    return m_options.trials > 0 ? more + m_options.trials : m_config.runCap;
}

bool SweepController::loadEarlierTrials(QString *error) {
    StoreReader reader;
    if (!reader.open(m_options.databasePath, error))
        return false;
    const QList<qint64> ids = reader.runsTagged(u"sweep"_s, m_options.continueId);
    if (ids.isEmpty()) {
        if (error)
            *error = SweepText::tr("no sweep %1 in %2").arg(m_options.continueId, m_options.databasePath);
        return false;
    }
    m_id = m_options.continueId;
    for (const qint64 id : ids) {
        const std::optional<RunRow> run = reader.run(id);
        if (!run)
            continue;
        SweepTrial t;
        t.rowId = id;
        t.runId = run->uid;
        t.status = run->status;
        t.number = reader.tags(id).value(u"sweep.trial"_s).toInt();
        const QMap<QString, QString> params = reader.params(id);
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            t.params.insert(it.key(), resolvePlainScalar(it.value()));
        if (!m_config.metric.isEmpty())
            t.value = reader.lastValue(id, m_config.metric);
        t.stoppedEarly = run->status == RunStatus::Cancelled;
        m_trials << t;
    }
    std::sort(m_trials.begin(), m_trials.end(),
              [](const SweepTrial &a, const SweepTrial &b) { return a.number < b.number; });
    m_earlier = int(m_trials.size());
    // Random draws go on from where the sweep's left off (the same seed gives new trials, not the old ones).
    if (m_config.method == u"random"_s)
        for (int i = 0; i < m_earlier; ++i)
            sampleTrial(m_config, m_random);
    return true;
}

void SweepController::replayToOptuna() {
    for (const SweepTrial &t : std::as_const(m_trials)) {
        if (!t.value || t.stoppedEarly || !std::isfinite(*t.value))
            continue;
        QJsonObject params;
        for (const SweepParameter &p : m_config.parameters) {
            if (p.distribution == D::Constant)
                continue;
            const Value v = t.params.value(p.name);
            if (p.distribution == D::Categorical) {
                qsizetype index = -1;
                for (qsizetype i = 0; i < p.values.size(); ++i)
                    if (p.values[i].pythonStr() == v.pythonStr())
                        index = i;
                if (index < 0)
                    continue;
                params.insert(p.name, int(index));
            } else {
                params.insert(p.name, v.toFloat());
            }
        }
        m_optuna->write(
            QJsonDocument(QJsonObject{{u"op"_s, u"add"_s}, {u"params"_s, params}, {u"value"_s, *t.value}})
                .toJson(QJsonDocument::Compact) +
            '\n');
    }
}

bool SweepController::start(QString *error) {
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_config.method == u"grid"_s && !gridTrials(m_config, &m_grid, error))
        return false;
    if (!m_options.continueId.isEmpty() && !loadEarlierTrials(error))
        return false;
    if (target() <= 0)
        return fail(SweepText::tr("a %1 sweep runs until it is told how many trials: give --trials N (or "
                                  "run_cap in the file)")
                        .arg(m_config.method));
    if (m_config.method == u"bayes"_s) {
        // Optuna's TPE sampler, in a helper process that says what to try next and learns what came of it.
        QJsonArray space;
        for (const SweepParameter &p : m_config.parameters) {
            QJsonObject o{{u"name"_s, p.name},
                          {u"distribution"_s, distributionName(p.distribution)},
                          {u"min"_s, p.min},
                          {u"max"_s, p.max},
                          {u"q"_s, p.q}};
            QJsonArray values;
            for (const Value &v : p.values)
                values << toJsonValue(v);
            o.insert(u"values"_s, values);
            if (p.distribution == D::Normal || p.distribution == D::QNormal ||
                p.distribution == D::LogNormal || p.distribution == D::QLogNormal ||
                p.distribution == D::InvLogUniform || p.distribution == D::InvLogUniformValues)
                return fail(
                    SweepText::tr("%1:%2: the bayes method (Optuna) takes uniform, log-uniform, q- and "
                                  "int-uniform and categorical parameters; %3 is %4")
                        .arg(m_config.file)
                        .arg(p.pos.line)
                        .arg(p.name, distributionName(p.distribution)));
            space << o;
        }
        const int total = target();
        QJsonObject spec{{u"goal"_s, m_config.goal},
                         {u"parameters"_s, space},
                         {u"startup"_s, std::clamp(total / 4, 3, 10)}};
        if (m_options.seed)
            spec.insert(u"seed"_s, double(*m_options.seed));
        // The interpreter given, else python3 on PATH, else Debian's (where python3-optuna installs): the
        // first that has Optuna.
        QString why;
        for (const QString &python : {u"python3"_s, u"/usr/bin/python3"_s}) {
            delete m_optuna;
            m_optuna = new QProcess(this);
            m_optuna->start(python, {m_options.optunaHelper});
            if (!m_optuna->waitForStarted(10000)) {
                why = SweepText::tr("cannot start %1: %2").arg(python, m_optuna->errorString());
                continue;
            }
            m_optuna->write(QJsonDocument(spec).toJson(QJsonDocument::Compact) + '\n');
            // Its first line says whether Optuna is there (importing it takes a second or two).
            while (!m_optuna->canReadLine() && m_optuna->waitForReadyRead(60000)) {
            }
            const QJsonObject hello = QJsonDocument::fromJson(m_optuna->readLine()).object();
            if (hello.value(u"ok"_s).toBool()) {
                why.clear();
                break;
            }
            why = hello.value(u"error"_s).toString();
            if (why.isEmpty())
                why = SweepText::tr("the Optuna helper (%1) did not answer: %2")
                          .arg(python, QString::fromUtf8(m_optuna->readAllStandardError()).trimmed());
        }
        if (!why.isEmpty())
            return fail(why);
        replayToOptuna();
    }
    // The trials run on the queue: this sweep serves it unless a runner already does.
    QString runnerError;
    QueueRunnerOptions ro;
    ro.databasePath = m_options.databasePath;
    ro.program = m_options.program;
    ro.cpuSlots = std::max(1, m_options.parallel);
    auto runner = std::make_unique<QueueRunner>(ro);
    connect(runner.get(), &QueueRunner::notice, this, &SweepController::notice);
    if (runner->start(&runnerError)) {
        m_runner = std::move(runner);
    } else if (runnerError.contains(u"pid"_s)) {
        Q_EMIT notice(SweepText::tr("the trials wait in the queue that %1 serves")
                          .arg(runnerError.section(u"(pid"_s, 0, 0).trimmed()));
    } else {
        return fail(runnerError);
    }
    auto *timer = new QTimer(this);
    timer->setInterval(200);
    connect(timer, &QTimer::timeout, this, &SweepController::poll);
    timer->start();
    QMetaObject::invokeMethod(this, &SweepController::poll, Qt::QueuedConnection);
    return true;
}

bool SweepController::queueTrial(const TrialParams &params, int optunaTrial, QString *error) {
    QStringList words;
    if (!trialLaunchWords(m_config, params, m_options.launchFlags, &words, error))
        return false;
    SweepTrial t;
    t.number = m_trials.isEmpty() ? 1 : m_trials.last().number + 1;
    t.params = params;
    t.optunaTrial = optunaTrial;
    // --name gives every trial the sweep's name and its number.
    const QString name =
        (m_config.name.isEmpty() ? m_id : m_config.name) + u"-"_s + QString::number(t.number);
    words = QStringList{u"--name"_s, name, u"--db"_s, m_options.databasePath} + words;
    LaunchArgs la;
    if (!parseLaunchArgs(words, &la, error))
        return false;
    if (!m_hardware)
        m_hardware = HardwareInfo::detect();
    const LaunchPlan plan = planLaunch(la, *m_hardware);
    if (!plan.ok()) {
        if (error)
            *error = plan.errors.value(0).format();
        return false;
    }
    QueueRequest request = m_options.request;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        request.params.insert(it.key(), argText(it.value()));
    // The trial's sweep, and what the studio's sweep page needs to show and extend it.
    request.tags = {{u"sweep"_s, m_id},
                    {u"sweep.trial"_s, QString::number(t.number)},
                    {u"sweep.method"_s, m_config.method},
                    {u"sweep.metric"_s, m_config.metric},
                    {u"sweep.goal"_s, m_config.goal},
                    {u"sweep.file"_s, QFileInfo(m_config.file).absoluteFilePath()}};
    if (request.gpus > 0 && !la.typed.contains(u"num_processes"_s))
        words = QStringList{u"--num_processes"_s, QString::number(request.gpus)} + words;
    QueuedRun q;
    if (!enqueueRun(plan, la, words, request, &q, error))
        return false;
    t.rowId = q.rowId;
    t.runId = q.runId;
    m_trials << t;
    Q_EMIT trialQueued(t);
    return true;
}

bool SweepController::askOptuna(QString *error) {
    m_optuna->write("{\"op\":\"ask\"}\n");
    while (!m_optuna->canReadLine())
        if (!m_optuna->waitForReadyRead(30000)) {
            if (error)
                *error = SweepText::tr("the Optuna helper stopped answering: %1")
                             .arg(QString::fromUtf8(m_optuna->readAllStandardError()).trimmed());
            return false;
        }
    const QJsonObject answer = QJsonDocument::fromJson(m_optuna->readLine()).object();
    TrialParams params;
    const QJsonObject asked = answer.value(u"params"_s).toObject();
    for (const SweepParameter &p : m_config.parameters) {
        if (p.distribution == D::Constant) {
            params.insert(p.name, p.values.value(0));
            continue;
        }
        const QJsonValue v = asked.value(p.name);
        if (p.distribution == D::Categorical) {
            // Optuna holds choices by index: the value as written in the file.
            params.insert(p.name, p.values.value(v.toInt()));
        } else if (p.distribution == D::IntUniform) {
            params.insert(p.name, Value::integer(qint64(v.toDouble())));
        } else {
            params.insert(p.name, Value::real(v.toDouble()));
        }
    }
    return queueTrial(params, answer.value(u"trial"_s).toInt(), error);
}

void SweepController::tellOptuna(const SweepTrial &t) {
    if (!m_optuna || t.optunaTrial < 0)
        return;
    QJsonObject tell{{u"op"_s, u"tell"_s}, {u"trial"_s, t.optunaTrial}};
    if (t.value && !t.stoppedEarly)
        tell.insert(u"value"_s, *t.value);
    else if (t.value && t.stoppedEarly)
        tell.insert(u"pruned"_s, *t.value);
    m_optuna->write(QJsonDocument(tell).toJson(QJsonDocument::Compact) + '\n');
}

void SweepController::stop() {
    m_stopping = true;
    for (const SweepTrial &t : std::as_const(m_trials))
        if (t.status == RunStatus::Queued)
            removeQueuedRun(m_options.databasePath, t.rowId, nullptr);
}

void SweepController::poll() {
    if (m_done || m_polling)
        return;
    m_polling = true;
    QString error;
    // A database that is gone (deleted, its folder removed) holds no trial any more: the sweep ends, said,
    // instead of waiting for trials it can never read again.
    if (!isServerUrl(m_options.databasePath) && !QFileInfo::exists(m_options.databasePath)) {
        Q_EMIT notice(
            SweepText::tr("the run database %1 is gone; the sweep ends").arg(m_options.databasePath));
        m_polling = false;
        m_done = true;
        Q_EMIT finished();
        return;
    }
    // New trials: grid and random queue them all; bayes keeps `parallel` in flight, asking after each result.
    if (!m_stopping) {
        int inFlight = 0;
        for (const SweepTrial &t : std::as_const(m_trials))
            inFlight += !isEnded(t.status) && !t.value ? 1 : 0;
        while (int(m_trials.size()) < target()) {
            const int n = int(m_trials.size());
            bool ok = true;
            if (m_config.method == u"grid"_s)
                ok = queueTrial(m_grid.value(n), -1, &error); // --continue: after the combinations run
            else if (m_config.method == u"random"_s)
                ok = queueTrial(sampleTrial(m_config, m_random), -1, &error);
            else if (inFlight < std::max(1, m_options.parallel))
                ok = askOptuna(&error);
            else
                break;
            if (!ok) {
                Q_EMIT notice(SweepText::tr("cannot queue trial %1: %2").arg(n + 1).arg(error));
                m_stopping = true;
                break;
            }
            ++inFlight;
        }
    }
    // What the trials became, and their objective once they ended.
    StoreReader reader;
    if (reader.open(m_options.databasePath, &error)) {
        for (SweepTrial &t : m_trials) {
            if (isEnded(t.status))
                continue;
            const std::optional<RunRow> run = reader.run(t.rowId);
            if (!run) { // removed from the queue
                t.status = RunStatus::Cancelled;
                Q_EMIT trialEnded(t);
                continue;
            }
            t.status = run->status;
            if (!isEnded(t.status))
                continue;
            if (!m_config.metric.isEmpty())
                t.value = reader.lastValue(t.rowId, m_config.metric);
            tellOptuna(t);
            Q_EMIT trialEnded(t);
        }
        if (!m_milestones.isEmpty())
            hyperband(reader);
    }
    const bool allQueued = m_stopping || int(m_trials.size()) >= target();
    const bool allEnded = std::all_of(m_trials.cbegin(), m_trials.cend(),
                                      [](const SweepTrial &t) { return isEnded(t.status); });
    m_polling = false;
    if (allQueued && allEnded) {
        m_done = true;
        Q_EMIT finished();
    }
}

// Hyperband as W&B's early_terminate applies it: at each milestone (a number of the metric's values), a
// running trial whose value there is not within the best 1/eta of every trial's value at that milestone is
// stopped (SIGINT to its launcher: it ends cancelled, its points kept).
void SweepController::hyperband(StoreReader &reader) {
    const bool minimize = m_config.goal != u"maximize"_s;
    // Each trial's metric series (rank 0) and how many values it has.
    QHash<qint64, SeriesRow> series;
    for (const SweepTrial &t : std::as_const(m_trials))
        for (const SeriesRow &s : reader.series(t.rowId))
            if (s.key == m_config.metric && s.rank == 0)
                series.insert(t.rowId, s);
    const auto valueAt = [&](const SeriesRow &s, int iteration) {
        double v = NAN;
        reader.scanValues(s.id, iteration - 1, iteration - 1, [&](double x) { v = x; });
        return v;
    };
    for (SweepTrial &t : m_trials) {
        if (t.status != RunStatus::Running || t.stoppedEarly || !series.contains(t.rowId))
            continue;
        const SeriesRow &mine = series[t.rowId];
        for (int milestone : std::as_const(m_milestones)) {
            if (mine.count < milestone)
                break;
            QList<double> values;
            for (auto it = series.cbegin(); it != series.cend(); ++it)
                if (it.value().count >= milestone) {
                    const double v = valueAt(it.value(), milestone);
                    if (std::isfinite(v))
                        values << v;
                }
            if (values.size() < 2)
                continue;
            std::sort(values.begin(), values.end());
            if (!minimize)
                std::reverse(values.begin(), values.end());
            const qsizetype keep =
                std::max<qsizetype>(1, qsizetype(std::floor(double(values.size()) / m_config.eta)));
            const double threshold = values[keep - 1];
            const double own = valueAt(mine, milestone);
            const bool worse = minimize ? own > threshold : own < threshold;
            if (!std::isfinite(own) || !worse)
                continue;
            const std::optional<RunRow> run = reader.run(t.rowId);
            QString error;
            if (run && requestStop(*run, &error)) {
                t.stoppedEarly = true;
                Q_EMIT trialStopped(t,
                                    SweepText::tr("hyperband: %1 = %2 at iteration %3, outside the best 1/%4 "
                                                  "(%5)")
                                        .arg(m_config.metric)
                                        .arg(own)
                                        .arg(milestone)
                                        .arg(m_config.eta)
                                        .arg(threshold));
            }
            break;
        }
    }
}

std::optional<SweepTrial> SweepController::best() const {
    std::optional<SweepTrial> b;
    const bool minimize = m_config.goal != u"maximize"_s;
    for (const SweepTrial &t : m_trials) {
        if (!t.value || !std::isfinite(*t.value) || t.stoppedEarly)
            continue;
        if (!b || (minimize ? *t.value < *b->value : *t.value > *b->value))
            b = t;
    }
    return b;
}

QJsonObject SweepController::toJson() const {
    const auto trialJson = [](const SweepTrial &t) {
        QJsonObject params;
        for (auto it = t.params.cbegin(); it != t.params.cend(); ++it)
            params.insert(it.key(), toJsonValue(it.value()));
        QJsonObject o{{u"run"_s, t.runId},
                      {u"trial"_s, t.number},
                      {u"params"_s, params},
                      {u"status"_s, runStatusName(t.status)},
                      {u"value"_s, t.value ? QJsonValue(*t.value) : QJsonValue()}};
        if (t.stoppedEarly)
            o.insert(u"stopped_early"_s, true);
        return o;
    };
    QJsonArray trials;
    for (const SweepTrial &t : m_trials)
        trials << trialJson(t);
    QJsonObject o{{u"sweep"_s, m_id},
                  {u"method"_s, m_config.method},
                  {u"metric"_s, m_config.metric},
                  {u"goal"_s, m_config.goal},
                  {u"trials"_s, trials}};
    const std::optional<SweepTrial> b = best();
    if (b) {
        const QJsonObject j = trialJson(*b);
        o.insert(u"best"_s,
                 QJsonObject{{u"run"_s, b->runId}, {u"params"_s, j[u"params"_s]}, {u"value"_s, *b->value}});
    } else {
        o.insert(u"best"_s, QJsonValue());
    }
    return o;
}

} // namespace trainyard

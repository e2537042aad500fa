// The runs filter: a small query language, the same in `trainyard runs list --filter` and the studio's runs
// table. Terms are separated by spaces and all must hold:
//   epochs=30  lr>=1e-3  loss<0.5  loss.min<0.3  acc.max>0.9     parameters, then metrics (rank 0's last
//   value) status:failed  status!=finished  name~bert  host=gpu1           the run's own attributes
//   params.lr=0.1  metrics.loss<1  tags.git_branch=main  note~ablation   explicit kinds (MLflow's prefixes)
//   "two words"  resnet                                          text anywhere: name, id, status, parameters,
//   tags
// Operators: = (also :), !=, <, >, <=, >=, ~ (contains, any case). Values may be quoted ("a b", 'a b').
// Numbers compare as numbers (lr=0.10 matches 0.1); other values compare without regard to case. A key a run
// does not have matches only !=.
#pragma once

#include "store.h"

#include <QList>
#include <QMap>
#include <QString>

namespace trainyard {

// What a filter looks at for one run.
struct RunFacts {
    RunRow run;
    QMap<QString, QString> params;
    QMap<QString, QString> tags; // the run's note is its "note" tag
    QList<SeriesRow> series;     // every rank's summaries
};

class RunFilter {
public:
    struct Error {
        qsizetype start = 0;  // where the unreadable part begins in the query (characters)
        qsizetype length = 0; // and how long it is
        QString message;
    };

    // Reads a query; an empty one matches every run. On failure the filter is left as it was.
    bool parse(const QString &query, Error *error);
    bool isEmpty() const { return m_terms.isEmpty(); }
    // Whether any term reads metrics (a caller can skip reading series otherwise).
    bool readsMetrics() const;
    bool matches(const RunFacts &facts) const;

private:
    enum class Op { Text, Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, Contains };
    enum class Kind { Any, Status, Name, Id, Host, Param, Metric, Tag };
    struct Term {
        Kind kind = Kind::Any;
        Op op = Op::Text;
        QString key;
        QString value;
        bool numeric = false;
        double number = 0;
    };
    static bool compare(const Term &t, const QString &have);
    static bool compareNumber(const Term &t, double have);
    static bool matchesMetric(const Term &t, const QList<SeriesRow> &series, const QString &key, bool *found);
    bool matchesTerm(const Term &t, const RunFacts &f) const;
    QList<Term> m_terms;
};

} // namespace trainyard

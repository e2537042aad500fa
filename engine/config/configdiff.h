// The settings of configs side by side: each config flattened to dotted keys as accelerate sees it
// (migrations and defaults applied), and the keys whose values differ.
#pragma once

#include "config/accelerateconfig.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace trainyard {

// "key" or "section.key" (deeper maps continue the dots) -> the value as Python's str() shows it; lists as
// [a, b].
QMap<QString, QString> flattenSettings(const AccelerateConfig &config);
QMap<QString, QString> flattenSettings(const Value &map);

struct SettingDifference {
    QString key;
    QStringList values; // one per side; empty for a side without the key
    QList<bool> present;
};

// The keys whose values are not the same on every side, in key order.
QList<SettingDifference> diffSettings(const QList<QMap<QString, QString>> &sides);

} // namespace trainyard

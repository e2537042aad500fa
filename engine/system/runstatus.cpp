#include "runstatus.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {
constexpr std::array<std::pair<RunStatus, const char16_t *>, 9> Names{{
    {RunStatus::Created, u"created"},
    {RunStatus::Queued, u"queued"},
    {RunStatus::Running, u"running"},
    {RunStatus::Stopping, u"stopping"},
    {RunStatus::Finished, u"finished"},
    {RunStatus::Failed, u"failed"},
    {RunStatus::Cancelled, u"cancelled"},
    {RunStatus::Crashed, u"crashed"},
    {RunStatus::Imported, u"imported"},
}};
} // namespace

QString runStatusName(RunStatus status) {
    for (const auto &[s, name] : Names)
        if (s == status)
            return QString::fromUtf16(name);
    return {};
}

std::optional<RunStatus> runStatusFromName(QStringView name) {
    for (const auto &[s, n] : Names)
        if (name == QStringView(n))
            return s;
    return std::nullopt;
}

QStringList runStatusNames() {
    QStringList names;
    for (const auto &[s, name] : Names)
        names << QString::fromUtf16(name);
    return names;
}

RunStatus runStatusOr(QStringView name, RunStatus fallback) {
    return runStatusFromName(name).value_or(fallback);
}

bool isActive(RunStatus status) {
    return status == RunStatus::Created || status == RunStatus::Running || status == RunStatus::Stopping;
}

bool isEnded(RunStatus status) {
    return !isActive(status) && status != RunStatus::Queued;
}

} // namespace trainyard

// The one way widgets and models do slow work (files, SQLite, probing): compute on a pool thread, deliver the
// result on the receiver's thread if the receiver still exists.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <type_traits>
#include <utility>

namespace trainyard {

// Runs work() on `pool` (the global pool by default), then deliver(result) on receiver's thread. The worker
// never sees the receiver: the result travels through a QFuture watched by an object the receiver owns, so a
// receiver destroyed meanwhile (a closed tab, a quitting window) simply gets nothing, with no pointer read
// across threads. work must capture by value.
template <class Work, class Deliver>
void runInBackground(QObject *receiver, Work work, Deliver deliver, QThreadPool *pool = nullptr) {
    using Result = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Result>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, deliver = std::move(deliver)]() mutable {
                         watcher->deleteLater();
                         if constexpr (std::is_void_v<Result>)
                             deliver();
                         else
                             deliver(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(), std::move(work)));
}

} // namespace trainyard

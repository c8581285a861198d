"""Tests run offline: the plugin refuses network connections for the whole pytest run."""

import socket

import pytest


def test_an_internet_connection_is_refused_at_once_with_a_message():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(OSError, match="run offline"):
            sock.connect(("192.0.2.1", 80))  # TEST-NET-1: never routable, so nothing real is contacted.


def test_connect_ex_is_refused_too():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(OSError, match="run offline"):
            sock.connect_ex(("192.0.2.1", 80))


def test_local_unix_sockets_still_work():
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        left.sendall(b"ok")
        assert right.recv(2) == b"ok"


def test_this_machine_is_reachable_for_multi_worker_training():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
            client.connect(server.getsockname())
            connection, _ = server.accept()
            with connection:
                client.sendall(b"ok")
                assert connection.recv(2) == b"ok"

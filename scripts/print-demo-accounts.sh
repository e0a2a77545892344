#!/usr/bin/env bash
# Prints where `make run` serves and the demo sign-ins.
cat <<MSG

  tuyenvan: http://${1:-127.0.0.1:8080}

  Tài khoản mẫu (tên đăng nhập / mật khẩu — vai trò, đơn vị):
    admin        / quantri-laocai-2026   — Quản trị hệ thống, Tỉnh Lào Cai
    vanphong     / vanphong-laocai-2026  — Văn phòng Tỉnh ủy, Tỉnh Lào Cai
    huyen.batxat / canbo-batxat-2026     — Cán bộ cấp huyện, Huyện Bát Xát
    xa.amusung   / canbo-amusung-2026    — Cán bộ cấp xã, Xã A Mú Sung
    so.vhttdl    / canbo-vhttdl-2026     — Cán bộ sở, ban, ngành, Sở Văn hóa, Thể thao và Du lịch
    bientap      / bientap-laocai-2026   — Biên tập viên, Tỉnh Lào Cai
    congtacvien  / congtac-batxat-2026   — Cộng tác viên, Huyện Bát Xát
    xem          / nguoixem-laocai-2026  — Người xem, Tỉnh Lào Cai

MSG
